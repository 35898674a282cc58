package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The daily briefs of a workspace: stored by the daily briefer, read by the API and the home page. */
@Service
public class Briefs {

    private static final String COLUMNS = "id, run_id, period_start, period_end, wins, blockers, next_moves, figures, "
            + "text, model, delivered_to, created_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Briefs(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public BriefView store(
            TenantId tenant,
            UUID runId,
            Instant start,
            Instant end,
            List<String> wins,
            List<String> blockers,
            List<String> nextMoves,
            Map<String, Object> figures,
            String text,
            String model,
            Actor agent) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into briefs (id, tenant_id, run_id, period_start, period_end, wins, blockers, next_moves, "
                        + "figures, text, model, created_at, updated_at) values (?, ?, ?, ?, ?, cast(? as jsonb), "
                        + "cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)")
                .params(
                        id,
                        tenant.value(),
                        runId,
                        Timestamp.from(start),
                        Timestamp.from(end),
                        write(wins),
                        write(blockers),
                        write(nextMoves),
                        write(figures),
                        text,
                        model,
                        now,
                        now)
                .update();
        BriefView brief = get(tenant, id);
        events.publishEvent(new BriefCreated(tenant.value(), brief, agent));
        return brief;
    }

    @Transactional
    public void delivered(TenantId tenant, UUID id, List<String> to) {
        jdbc.sql("update briefs set delivered_to = cast(? as jsonb), updated_at = ? where tenant_id = ? and id = ?")
                .params(write(to), Timestamp.from(clock.instant()), tenant.value(), id)
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<BriefView> latest(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS + " from briefs where tenant_id = ? order by created_at desc, id limit 1")
                .param(tenant.value())
                .query(this::view)
                .optional();
    }

    @Transactional(readOnly = true)
    public BriefView get(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from briefs where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Brief", id));
    }

    @Transactional(readOnly = true)
    public PageResult<BriefView> list(TenantId tenant, PageQuery page) {
        long total = jdbc.sql("select count(*) from briefs where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
        return PageResult.of(
                jdbc.sql("select " + COLUMNS + " from briefs where tenant_id = ? "
                                + "order by created_at desc, id limit ? offset ?")
                        .params(tenant.value(), page.limit(), page.offset())
                        .query(this::view)
                        .list(),
                page,
                total);
    }

    private BriefView view(ResultSet rs, int n) throws SQLException {
        return new BriefView(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getTimestamp("period_start").toInstant(),
                rs.getTimestamp("period_end").toInstant(),
                readList(rs.getString("wins")),
                readList(rs.getString("blockers")),
                readList(rs.getString("next_moves")),
                read(rs.getString("figures"), new TypeReference<Map<String, Object>>() {}),
                rs.getString("text"),
                rs.getString("model"),
                readList(rs.getString("delivered_to")),
                rs.getTimestamp("created_at").toInstant());
    }

    private List<String> readList(String text) {
        return read(text, new TypeReference<List<String>>() {});
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ai.revo.missioncontrol.notifications;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications of a workspace and who has read them. Raising is idempotent per fact (its dedup key): the
 * first time it publishes {@code notification.raised}, later times change nothing.
 */
@Service
public class Notifications {

    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises a notification unless one with the same {@code dedupKey} exists. Returns true when it was new. Joins
     * the caller's transaction, so it commits (and is announced) with the fact it is about.
     */
    @Transactional
    public boolean raise(
            TenantId tenant,
            NotificationKind kind,
            String severity,
            Map<String, Object> facts,
            String path,
            String dedupKey) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into notifications (id, tenant_id, kind, severity, facts, path, dedup_key, occurred_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                on conflict (tenant_id, dedup_key) do nothing
                """)
                .params(
                        id,
                        tenant.value(),
                        kind.name(),
                        severity,
                        toJson(facts),
                        path,
                        dedupKey,
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            events.publishEvent(new NotificationRaised(tenant.value(), id, kind, path));
        }
        return inserted == 1;
    }

    /** The newest notifications first, each with whether {@code user} has read it. */
    @Transactional(readOnly = true)
    public PageResult<NotificationView> list(TenantId tenant, UserId user, boolean unreadOnly, PageQuery page) {
        String filter = unreadOnly ? " and r.user_id is null" : "";
        long total = jdbc.sql("select count(*) from notifications n left join notification_reads r on "
                        + "r.tenant_id = n.tenant_id and r.notification_id = n.id and r.user_id = ? "
                        + "where n.tenant_id = ?" + filter)
                .params(user.value(), tenant.value())
                .query(Long.class)
                .single();
        List<NotificationView> rows = jdbc.sql("select n.id, n.kind, n.severity, n.facts::text as facts, n.path, "
                        + "n.occurred_at, r.user_id is not null as read from notifications n "
                        + "left join notification_reads r on r.tenant_id = n.tenant_id and r.notification_id = n.id "
                        + "and r.user_id = ? where n.tenant_id = ?" + filter
                        + " order by n.occurred_at desc, n.id limit ? offset ?")
                .params(user.value(), tenant.value(), page.limit(), page.offset())
                .query((rs, n) -> new NotificationView(
                        rs.getObject("id", UUID.class),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("severity"),
                        fromJson(rs.getString("facts")),
                        rs.getString("path"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getBoolean("read")))
                .list();
        return PageResult.of(rows, page, total);
    }

    @Transactional(readOnly = true)
    public long unreadCount(TenantId tenant, UserId user) {
        return jdbc.sql("""
                select count(*) from notifications n where n.tenant_id = ? and not exists (
                    select 1 from notification_reads r
                    where r.tenant_id = n.tenant_id and r.notification_id = n.id and r.user_id = ?)
                """)
                .params(tenant.value(), user.value())
                .query(Long.class)
                .single();
    }

    /** Marks one notification read for {@code user}; 404 when the workspace has no such notification. */
    @Transactional
    public NotificationView markRead(TenantId tenant, UserId user, UUID id) {
        boolean exists = jdbc.sql("select count(*) from notifications where tenant_id = ? and id = ?")
                        .params(tenant.value(), id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw ApiException.notFound("Notification", id);
        }
        jdbc.sql("""
                insert into notification_reads (tenant_id, notification_id, user_id, read_at) values (?, ?, ?, ?)
                on conflict do nothing
                """)
                .params(tenant.value(), id, user.value(), Timestamp.from(clock.instant()))
                .update();
        return list(tenant, user, false, new PageQuery(1, PageQuery.MAX_LIMIT)).data().stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Marks every notification of the workspace read for {@code user}; returns how many were unread. */
    @Transactional
    public int markAllRead(TenantId tenant, UserId user) {
        return jdbc.sql("""
                insert into notification_reads (tenant_id, notification_id, user_id, read_at)
                select n.tenant_id, n.id, ?, ? from notifications n where n.tenant_id = ?
                on conflict do nothing
                """)
                .params(user.value(), Timestamp.from(clock.instant()), tenant.value())
                .update();
    }

    private String toJson(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts == null ? Map.of() : facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> fromJson(String facts) {
        try {
            return json.readValue(facts, FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

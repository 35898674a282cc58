package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins allow the agents; a workspace without a row has the defaults (no auto-approval, no brief delivery). */
@Service
public class AgentSettings {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentSettings(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AgentSettingsView get(TenantId tenant) {
        return jdbc.sql("select auto_approve, brief_channel, updated_at, research_enrol_limit, "
                        + "research_needs_confirmation from agent_settings where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> new AgentSettingsView(
                        read(rs.getString(1)),
                        rs.getString(2) == null ? null : Channel.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getInt(4),
                        rs.getBoolean(5)))
                .optional()
                .orElse(new AgentSettingsView(List.of(), null, null, AgentSettingsView.DEFAULT_RESEARCH_LIMIT, false));
    }

    /** Replaces what agents may auto-approve and the brief channel; the research settings stay as they are. */
    @Transactional
    public AgentSettingsView change(TenantId tenant, List<String> autoApprove, Channel briefChannel, Actor admin) {
        return change(tenant, autoApprove, briefChannel, null, null, admin);
    }

    /**
     * Replaces the settings (ADMIN); a null {@code researchEnrolLimit} or {@code researchNeedsConfirmation} keeps
     * the current value. 400 naming the field for an unknown action type, an unusable channel or a limit outside
     * 1 to 5000.
     */
    @Transactional
    public AgentSettingsView change(
            TenantId tenant,
            List<String> autoApprove,
            Channel briefChannel,
            Integer researchEnrolLimit,
            Boolean researchNeedsConfirmation,
            Actor admin) {
        List<String> actions = new ArrayList<>();
        for (String action : autoApprove == null ? List.<String>of() : autoApprove) {
            if (action == null || !AgentSettingsView.ACTIONS.contains(action)) {
                throw ApiException.invalidField(
                        "autoApprove", "allowed action types are " + String.join(", ", AgentSettingsView.ACTIONS));
            }
            if (!actions.contains(action)) {
                actions.add(action);
            }
        }
        if (briefChannel != null
                && briefChannel != Channel.EMAIL
                && briefChannel != Channel.SMS
                && briefChannel != Channel.WHATSAPP) {
            throw ApiException.invalidField("briefChannel", "must be EMAIL, SMS or WHATSAPP (or null for none)");
        }
        if (researchEnrolLimit != null
                && (researchEnrolLimit < 1 || researchEnrolLimit > AgentSettingsView.MAX_RESEARCH_LIMIT)) {
            throw ApiException.invalidField(
                    "researchEnrolLimit", "must be from 1 to " + AgentSettingsView.MAX_RESEARCH_LIMIT);
        }
        AgentSettingsView before = get(tenant);
        int limit = researchEnrolLimit == null ? before.researchEnrolLimit() : researchEnrolLimit;
        boolean confirm =
                researchNeedsConfirmation == null ? before.researchNeedsConfirmation() : researchNeedsConfirmation;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into agent_settings (tenant_id, auto_approve, brief_channel, research_enrol_limit, "
                        + "research_needs_confirmation, created_at, updated_at) "
                        + "values (?, cast(? as jsonb), ?, ?, ?, ?, ?) on conflict (tenant_id) do update set "
                        + "auto_approve = excluded.auto_approve, brief_channel = excluded.brief_channel, "
                        + "research_enrol_limit = excluded.research_enrol_limit, "
                        + "research_needs_confirmation = excluded.research_needs_confirmation, "
                        + "updated_at = excluded.updated_at, version = agent_settings.version + 1")
                .params(
                        tenant.value(),
                        write(actions),
                        briefChannel == null ? null : briefChannel.name(),
                        limit,
                        confirm,
                        now,
                        now)
                .update();
        AgentSettingsView after = get(tenant);
        events.publishEvent(new AgentSettingsChanged(tenant.value(), before, after, admin));
        return after;
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() {});
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

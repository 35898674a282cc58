package ai.revo.missioncontrol.contacts;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to a lead's status and score into {@code lead_history}, in the transaction that changed the
 * lead (a synchronous listener of the module's own events), so the contact's timeline never misses a change.
 */
@Component
class LeadHistoryRecorder {

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadHistoryRecorder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(LeadChanged event) {
        Lead.LeadSnapshot before = event.before() instanceof Lead.LeadSnapshot b ? b : null;
        Lead.LeadSnapshot after = (Lead.LeadSnapshot) event.after();
        switch (event.type()) {
            case "lead.created" -> write(event, "ENROLLED", null, after.status().name(), null);
            case "lead.status_changed" -> {
                write(event, "STATUS", before.status().name(), after.status().name(), null);
                recordScore(event, before, after);
            }
            case "lead.score.overridden" ->
                write(
                        event,
                        "SCORE",
                        text(event.details().get("old")),
                        text(event.details().get("new")),
                        after.scoreOverrideReason() == null ? "override cleared" : after.scoreOverrideReason());
            default -> recordScore(event, before, after);
        }
    }

    private void recordScore(LeadChanged event, Lead.LeadSnapshot before, Lead.LeadSnapshot after) {
        if (before != null && !Objects.equals(before.score(), after.score())) {
            write(
                    event,
                    "SCORE",
                    before.score() == null ? null : before.score().name(),
                    after.score() == null ? null : after.score().name(),
                    after.scoreReason());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private void write(LeadChanged event, String kind, String from, String to, String reason) {
        jdbc.sql("insert into lead_history (id, tenant_id, lead_id, contact_id, campaign_id, kind, from_value, "
                        + "to_value, reason, actor_type, actor_id, actor_name, occurred_at) values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        event.tenantId(),
                        event.leadId(),
                        event.contactId(),
                        event.campaignId(),
                        kind,
                        from,
                        to,
                        reason,
                        event.actor().type().name(),
                        event.actor().id(),
                        event.actor().name(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }
}

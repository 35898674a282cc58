package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.MissionEvent;
import ai.revo.missioncontrol.platform.RequestId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every {@link MissionEvent} to the event log (and, for people and agents, the audit log) inside the
 * publisher's transaction, then hands it to live delivery once that transaction has committed.
 */
@Component
class EventRecorder {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LiveEvents live;
    private final Clock clock;

    EventRecorder(JdbcClient jdbc, ObjectMapper json, LiveEvents live, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.live = live;
        this.clock = clock;
    }

    @EventListener
    void record(MissionEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("MissionEvent " + event.type() + " published outside a transaction");
        }
        if (event.tenantId() == null) {
            throw new IllegalStateException("MissionEvent " + event.type() + " has no tenant");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // One writer per workspace at a time until commit, so seq order is commit order within a workspace:
        // a reader resuming after seq N can never miss an event that commits later with a smaller seq.
        jdbc.sql("select pg_advisory_xact_lock(7301, hashtext(?))")
                .param(event.tenantId().toString())
                .query((rs, n) -> 1)
                .list();
        long seq = jdbc.sql("""
                insert into events (id, tenant_id, type, category, entity_type, entity_id, task_id, campaign_id,
                                    actor_type, actor_id, actor_name, occurred_at, payload)
                values (:id, :tenant, :type, :category, :entityType, :entityId, :taskId, :campaignId,
                        :actorType, :actorId, :actorName, :at, cast(:payload as jsonb))
                returning seq
                """)
                .param("id", id)
                .param("tenant", event.tenantId())
                .param("type", event.type())
                .param("category", event.category().name())
                .param("entityType", event.entityType())
                .param("entityId", event.entityId())
                .param("taskId", event.taskId())
                .param("campaignId", event.campaignId())
                .param("actorType", event.actor().type().name())
                .param("actorId", event.actor().id())
                .param("actorName", event.actor().name())
                .param("at", Timestamp.from(now))
                .param("payload", toJson(event.payload()))
                .query(Long.class)
                .single();
        if (event.actor().isAudited()) {
            jdbc.sql("""
                    insert into audit_log (id, tenant_id, event_id, actor_type, actor_id, actor_name, action,
                                           entity_type, entity_id, before, after, request_id, client_address, occurred_at)
                    values (:id, :tenant, :eventId, :actorType, :actorId, :actorName, :action, :entityType, :entityId,
                            cast(:before as jsonb), cast(:after as jsonb), :requestId, :client, :at)
                    """)
                    .param("id", UUID.randomUUID())
                    .param("tenant", event.tenantId())
                    .param("eventId", id)
                    .param("actorType", event.actor().type().name())
                    .param("actorId", event.actor().id())
                    .param("actorName", event.actor().name())
                    .param("action", event.type())
                    .param("entityType", event.entityType())
                    .param("entityId", event.entityId())
                    .param("before", event.auditBefore() == null ? null : toJson(event.auditBefore()))
                    .param("after", event.auditAfter() == null ? null : toJson(event.auditAfter()))
                    .param("requestId", RequestId.current())
                    .param("client", MDC.get(RequestId.CLIENT_ADDRESS_MDC_KEY))
                    .param("at", Timestamp.from(now))
                    .update();
        }
        EventEnvelope envelope = new EventEnvelope(
                id,
                seq,
                event.type(),
                event.category(),
                event.entityType(),
                event.entityId(),
                event.taskId(),
                event.campaignId(),
                event.actor(),
                now,
                event.payload() == null ? Map.of() : event.payload());
        UUID tenant = event.tenantId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                live.publish(tenant, envelope);
            }
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not JSON-serialisable", e);
        }
    }
}

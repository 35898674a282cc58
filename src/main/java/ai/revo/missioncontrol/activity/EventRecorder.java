package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.MissionEvent;
import ai.revo.missioncontrol.platform.RequestId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every {@link MissionEvent} to the event log (and, for people and agents, the audit log) inside the
 * publisher's transaction. The rows of one transaction go to the database together, in one round trip, just before
 * it commits; no lock is taken, so writers of one workspace never wait for each other. Each event is stored with
 * its transaction id and gets its number in the workspace's feed from the {@link EventSequencer} right after the
 * commit, which then hands it to live delivery.
 */
@Component
class EventRecorder {

    /** One statement per event: the event and, when audited, its audit row (the audit row refers to the event). */
    private static final String INSERT = """
            with event as (
                insert into events (id, tenant_id, type, category, entity_type, entity_id, task_id, campaign_id,
                                    actor_type, actor_id, actor_name, occurred_at, payload)
                values (:id, :tenant, :type, :category, :entityType, :entityId, :taskId, :campaignId,
                        :actorType, :actorId, :actorName, :at, cast(:payload as jsonb))
                returning id
            )
            insert into audit_log (id, tenant_id, event_id, actor_type, actor_id, actor_name, action,
                                   entity_type, entity_id, before, after, request_id, client_address, occurred_at)
            select cast(:auditId as uuid), cast(:tenant as uuid), event.id, cast(:actorType as text),
                   cast(:actorId as text), cast(:actorName as text), cast(:type as text), cast(:entityType as text),
                   cast(:entityId as text), cast(:before as jsonb), cast(:after as jsonb), cast(:requestId as text),
                   cast(:client as text), cast(:at as timestamptz)
            from event where cast(:audited as boolean)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EventSequencer sequencer;
    private final Clock clock;

    EventRecorder(NamedParameterJdbcTemplate jdbc, ObjectMapper json, EventSequencer sequencer, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.sequencer = sequencer;
        this.clock = clock;
    }

    /** The events of one transaction, written together before it commits. */
    private final class Pending implements TransactionSynchronization {
        final List<SqlParameterSource> rows = new ArrayList<>();
        final Set<UUID> tenants = new LinkedHashSet<>();
        boolean flushed;

        @Override
        public void beforeCommit(boolean readOnly) {
            writeRows();
        }

        void writeRows() {
            if (rows.size() == 1) {
                jdbc.update(INSERT, rows.get(0));
            } else if (!rows.isEmpty()) {
                jdbc.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
            }
            rows.clear();
            flushed = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventRecorder.this);
            if (status == STATUS_COMMITTED) {
                tenants.forEach(sequencer::committed);
            }
        }
    }

    @EventListener
    void record(MissionEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("MissionEvent " + event.type() + " published outside a transaction");
        }
        if (event.tenantId() == null) {
            throw new IllegalStateException("MissionEvent " + event.type() + " has no tenant");
        }
        Instant now = clock.instant();
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("id", UUID.randomUUID())
                .addValue("tenant", event.tenantId())
                .addValue("type", event.type())
                .addValue("category", event.category().name())
                .addValue("entityType", event.entityType())
                .addValue("entityId", event.entityId())
                .addValue("taskId", event.taskId())
                .addValue("campaignId", event.campaignId())
                .addValue("actorType", event.actor().type().name())
                .addValue("actorId", event.actor().id())
                .addValue("actorName", event.actor().name())
                .addValue("at", Timestamp.from(now))
                .addValue("payload", toJson(event.payload()))
                .addValue("audited", event.actor().isAudited())
                .addValue("auditId", UUID.randomUUID())
                .addValue("before", event.auditBefore() == null ? null : toJson(event.auditBefore()))
                .addValue("after", event.auditAfter() == null ? null : toJson(event.auditAfter()))
                .addValue("requestId", RequestId.current())
                .addValue("client", MDC.get(RequestId.CLIENT_ADDRESS_MDC_KEY));
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.rows.add(row);
        pending.tenants.add(event.tenantId());
        if (pending.flushed) {
            // published by another synchronization after ours wrote the transaction's events
            pending.writeRows();
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not JSON-serialisable", e);
        }
    }
}

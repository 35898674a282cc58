package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores feedback on suggestions; the request only waits for validation, the write happens in the background. */
@Service
class AiFeedback {

    record Feedback(UUID suggestionId, String inputHash, String outcome, String comment, Actor actor) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AiFeedback(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID save(TenantId tenant, Feedback f) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into ai_feedback (id, tenant_id, suggestion_id, input_hash, outcome, comment, user_id,
                    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id,
                        tenant.value(),
                        f.suggestionId(),
                        f.inputHash(),
                        f.outcome(),
                        f.comment(),
                        f.actor() == null ? null : f.actor().id(),
                        now,
                        now)
                .update();
        events.publishEvent(new AiFeedbackRecorded(
                tenant.value(), id, f.suggestionId(), f.outcome(), f.actor() == null ? Actor.system() : f.actor()));
        return id;
    }

    /** Runs {@link AiFeedback#save} on another thread (a component, so the tenant is bound there, not here). */
    @Component
    static class Writer {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Writer.class);
        private final AiFeedback feedback;

        Writer(AiFeedback feedback) {
            this.feedback = feedback;
        }

        @Async
        void write(TenantId tenant, Feedback f) {
            try {
                feedback.save(tenant, f);
            } catch (RuntimeException e) {
                log.warn("Could not store feedback on suggestion {}: {}", f.suggestionId(), e.getMessage());
            }
        }
    }
}

package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener in another module that fails is not the end of its event: the publication stays in the registry and
 * is handed to the listener again, so nothing is lost between commit and delivery.
 */
@Import(EventPublicationRegistryTest.FlakyListenerConfiguration.class)
class EventPublicationRegistryTest extends IntegrationTest {

    record ProbeHappened(UUID tenantId, UUID probeId) implements MissionEvent {
        @Override
        public String type() {
            return "probe.happened";
        }

        @Override
        public EventCategory category() {
            return EventCategory.SYSTEM;
        }

        @Override
        public String entityType() {
            return "probe";
        }

        @Override
        public String entityId() {
            return probeId.toString();
        }

        @Override
        public Actor actor() {
            return Actor.system();
        }
    }

    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final AtomicInteger SUCCESSES = new AtomicInteger();

    static class FlakyListener {
        @ApplicationModuleListener
        void on(ProbeHappened event) {
            if (ATTEMPTS.incrementAndGet() == 1) {
                throw new IllegalStateException("listener down on the first delivery");
            }
            SUCCESSES.incrementAndGet();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyListenerConfiguration {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedListenerGetsTheEventAgain() throws Exception {
        Api.Session admin = api().signup();
        UUID probe = UUID.randomUUID();
        TenantContext.runAs(
                UUID.fromString(admin.tenantId()),
                () -> tx.executeWithoutResult(
                        s -> events.publishEvent(new ProbeHappened(UUID.fromString(admin.tenantId()), probe))));
        await().atMost(Duration.ofSeconds(5)).until(() -> ATTEMPTS.get() >= 1);
        assertThat(ATTEMPTS.get()).isEqualTo(1);
        assertThat(SUCCESSES.get()).isZero();
        assertThat(incompleteCount(probe)).isEqualTo(1);

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).until(() -> SUCCESSES.get() >= 1);
        assertThat(SUCCESSES.get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> incompleteCount(probe) == 0);
        assertThat(incompleteCount(probe)).isZero();
        // and the event itself was recorded in the log with the transaction
        assertThat(api().get("/api/v1/events/feed?type=probe.", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
    }

    private long incompleteCount(UUID probe) {
        return jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + probe + "%")
                .query(Long.class)
                .single();
    }
}

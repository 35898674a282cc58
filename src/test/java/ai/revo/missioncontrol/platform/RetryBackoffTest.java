package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.TestDatabase;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class RetryBackoffTest {

    @Test
    void theStandardDelayDoublesFromThirtySecondsAndStopsAtSixHours() {
        RetryBackoff<Void> backoff = RetryBackoff.standard();
        assertThat(backoff.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(30).multipliedBy(512));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.delayAfter(10_000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aTaskThatKeepsFailingIsRescheduledWithAGrowingDelayUpToTheCeilingAndNeverDropped() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(new String(
                    getClass()
                            .getResourceAsStream("/db/migration/V0012__scheduling_create_cluster_scheduler_tasks.sql")
                            .readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.url());
        dataSource.setUser(db.username());
        dataSource.setPassword(db.password());

        AtomicInteger tries = new AtomicInteger();
        OneTimeTask<Void> task = Tasks.oneTime("retry-backoff-probe")
                .onFailure(RetryBackoff.<Void>of(Duration.ofMillis(300), Duration.ofSeconds(1)))
                .execute((instance, context) -> {
                    tries.incrementAndGet();
                    throw new IllegalStateException("provider down");
                });
        Scheduler scheduler = Scheduler.create(dataSource, task)
                .pollingInterval(Duration.ofMillis(50))
                .threads(1)
                .build();
        // the delay each failure chose, keyed by the failure count the row records after it
        Map<Integer, Duration> delays = new ConcurrentHashMap<>();
        try {
            scheduler.start();
            scheduler.schedule(task.instance("one"), Instant.now());
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        try (Connection c = db.connect();
                                Statement s = c.createStatement();
                                ResultSet row =
                                        s.executeQuery("select consecutive_failures, last_failure, execution_time"
                                                + " from scheduled_tasks where task_name = 'retry-backoff-probe'")) {
                            if (row.next() && row.getTimestamp("last_failure") != null) {
                                delays.putIfAbsent(
                                        row.getInt("consecutive_failures"),
                                        Duration.between(
                                                row.getTimestamp("last_failure").toInstant(),
                                                row.getTimestamp("execution_time")
                                                        .toInstant()));
                            }
                        }
                        return delays.keySet().containsAll(java.util.List.of(1, 2, 3, 4));
                    });
        } finally {
            scheduler.stop();
        }
        assertThat(delays.get(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(delays.get(2)).isEqualTo(Duration.ofMillis(600));
        assertThat(delays.get(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delays.get(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(tries.get()).isGreaterThanOrEqualTo(4);
    }
}

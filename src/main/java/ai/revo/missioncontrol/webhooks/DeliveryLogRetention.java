package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.RetentionTarget;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The log of outbound webhook deliveries (each the signed body, status, response and attempts) is kept for
 * {@code MC_WEBHOOK_DELIVERY_RETENTION_DAYS} days (default 30; 0 keeps everything); the daily retention job, a
 * db-scheduler task one node runs, removes older finished deliveries in batches. One still PENDING or RETRYING stays.
 */
@Component
class DeliveryLogRetention implements RetentionTarget {

    private final JdbcClient jdbc;
    private final Duration keepFor;

    DeliveryLogRetention(JdbcClient jdbc, @Value("${mc.retention.webhook-delivery-days:30}") long days) {
        this.jdbc = jdbc;
        this.keepFor = Duration.ofDays(Math.max(0, days));
    }

    @Override
    public String what() {
        return "outbound webhook deliveries";
    }

    @Override
    public Duration keepFor() {
        return keepFor;
    }

    @Override
    public int purgeOlderThan(Instant cutoff, int limit) {
        Integer n = jdbc.sql("select webhooks_purge_deliveries(?, ?)")
                .params(Timestamp.from(cutoff), limit)
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }
}

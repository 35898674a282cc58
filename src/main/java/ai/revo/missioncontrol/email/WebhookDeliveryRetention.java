package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.RetentionTarget;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of each accepted webhook delivery (its signature, kept against replays) is kept for {@code mc.retention.webhook-payloads}. */
@Component
class WebhookDeliveryRetention implements RetentionTarget {

    private final JdbcClient jdbc;
    private final Duration keepFor;

    WebhookDeliveryRetention(JdbcClient jdbc, @Value("${mc.retention.webhook-payloads:30d}") Duration keepFor) {
        this.jdbc = jdbc;
        this.keepFor = keepFor;
    }

    @Override
    public String what() {
        return "webhook deliveries";
    }

    @Override
    public Duration keepFor() {
        return keepFor;
    }

    @Override
    public int purgeOlderThan(Instant cutoff, int limit) {
        Integer n = jdbc.sql("select email_purge_webhook_deliveries(?, ?)")
                .params(Timestamp.from(cutoff), limit)
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }
}

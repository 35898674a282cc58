package ai.revo.missioncontrol.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.platform.RetentionJob;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbound webhook delivery log is kept for MC_WEBHOOK_DELIVERY_RETENTION_DAYS (30 by default): the daily
 * retention job removes older DELIVERED and FAILED deliveries of every workspace in batches, and keeps younger ones
 * and any delivery still PENDING or RETRYING, however old.
 */
class DeliveryLogRetentionTest extends IntegrationTest {

    @Autowired
    RetentionJob retention;

    @Autowired
    DeliveryLogRetention target;

    private static void delivery(Statement s, String tenant, UUID subscription, String status, String age)
            throws Exception {
        s.execute("insert into webhook_deliveries (id, tenant_id, subscription_id, webhook_id, event_type, body,"
                + " status, created_at) values (gen_random_uuid(), '" + tenant + "', '" + subscription + "', 'msg_"
                + UUID.randomUUID() + "', 'retention.probe', '{}', '" + status + "', now() - interval '" + age
                + "')");
    }

    private static List<String> left(Statement s, UUID subscription) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select status || ' ' || (now() - created_at > interval '30 days')"
                + " from webhook_deliveries where subscription_id = '" + subscription + "' order by 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void finishedDeliveriesOlderThanTheRetentionAreRemovedInBatchesAndTheRestStays() throws Exception {
        assertThat(target.keepFor()).isEqualTo(Duration.ofDays(30));
        Api api = api();
        String tenant = api.signup().tenantId();
        UUID subscription = UUID.randomUUID();
        try (Connection c = database().connect();
                Statement s = c.createStatement()) {
            // a disabled subscription, so no dispatcher works on it while the test looks
            s.execute("insert into webhook_subscriptions (id, tenant_id, url, event_types, status, secret_sealed,"
                    + " secret_last_four) values ('" + subscription + "', '" + tenant
                    + "', 'http://127.0.0.1:9/hook', '[\"retention.\"]', 'DISABLED', 'sealed', 'abcd')");
            for (int i = 0; i < 3; i++) {
                delivery(s, tenant, subscription, "DELIVERED", "31 days");
            }
            delivery(s, tenant, subscription, "FAILED", "40 days");
            delivery(s, tenant, subscription, "RETRYING", "40 days");
            delivery(s, tenant, subscription, "PENDING", "40 days");
            delivery(s, tenant, subscription, "DELIVERED", "29 days");
            delivery(s, tenant, subscription, "FAILED", "1 day");

            // in batches: at most the limit each call
            assertThat(target.purgeOlderThan(Instant.now().minus(Duration.ofDays(30)), 2))
                    .isEqualTo(2);
            Map<String, Integer> removed = retention.purge();
            assertThat(removed.get("outbound webhook deliveries")).isGreaterThanOrEqualTo(2);

            assertThat(left(s, subscription))
                    .containsExactly("DELIVERED false", "FAILED false", "PENDING true", "RETRYING true");
            // the other retention targets still report under their own names
            assertThat(removed).containsKey("webhook deliveries");
        }
    }
}

package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily retention job removes, across workspaces, events, LLM logs, agent run items, completed event
 * publications and webhook deliveries older than their settings (the defaults: 365, 90, 90, 7 and 30 days), keeps
 * what is younger, keeps an event an audit entry points to, and never touches the audit log.
 */
class RetentionTest extends IntegrationTest {

    @Autowired
    RetentionJob retention;

    long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theDailyJobRemovesRowsPastTheirRetentionAndKeepsTheRestAndTheAuditLog() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        UUID tenant = UUID.fromString(admin.tenantId());
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Kept in the audit"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String t = "'" + tenant + "'";
        try (Connection c = database().connect();
                Statement s = c.createStatement()) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> count(
                                    c,
                                    "select count(*) from audit_log where tenant_id = " + t
                                            + " and event_id is not null and entity_id = '" + campaign + "'")
                            > 0);
            long audited = count(c, "select count(*) from audit_log where tenant_id = " + t);
            // one old and one young row of each kind, in this workspace
            for (String age : new String[] {"400 days", "1 day"}) {
                s.execute("insert into events (id, tenant_id, type, category, actor_type, occurred_at, created_at) "
                        + "values (gen_random_uuid(), " + t
                        + ", 'retention.probe', 'SYSTEM', 'SYSTEM', now() - interval '"
                        + age + "', now() - interval '" + age + "')");
                s.execute("insert into llm_logs (id, tenant_id, prompt_key, model, latency_ms, outcome, created_at) "
                        + "values (gen_random_uuid(), " + t
                        + ", 'probe', 'template', 1, 'SUCCEEDED', now() - interval '"
                        + (age.startsWith("400") ? "100 days" : age) + "')");
                UUID run = UUID.randomUUID();
                s.execute(
                        "insert into agent_runs (id, tenant_id, agent_key, trigger, status, max_attempts, requested_by,"
                                + " created_at) values ('" + run + "', " + t
                                + ", 'probe', 'MANUAL', 'SUCCEEDED', 1, '{}', now())");
                s.execute(
                        "insert into agent_run_items (id, tenant_id, run_id, attempt, item_type, outcome, created_at) "
                                + "values (gen_random_uuid(), " + t + ", '" + run
                                + "', 1, 'probe', 'DONE', now() - interval '"
                                + (age.startsWith("400") ? "100 days" : age) + "')");
                s.execute("insert into event_publication (id, listener_id, event_type, serialized_event, "
                        + "publication_date, completion_date) values (gen_random_uuid(), 'probe', 'probe', 'retention-"
                        + tenant + "', now() - interval '" + (age.startsWith("400") ? "10 days" : age)
                        + "', now() - interval '" + (age.startsWith("400") ? "10 days" : age) + "')");
                s.execute("insert into webhook_signatures_seen (tenant_id, signature, expires_at, created_at) values ("
                        + t + ", 'probe-" + age + "', now(), now() - interval '"
                        + (age.startsWith("400") ? "40 days" : age) + "')");
            }
            // an old incomplete publication is never removed: it is still to be delivered
            s.execute("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date) "
                    + "values (gen_random_uuid(), 'probe', 'probe', 'retention-" + tenant
                    + "', now() - interval '30 days')");
            // the campaign's audited events, aged past the events' retention
            s.execute("update events set created_at = now() - interval '400 days' where tenant_id = " + t
                    + " and entity_id = '" + campaign + "'");
            long auditedEvents = count(
                    c,
                    "select count(*) from events e where e.tenant_id = " + t
                            + " and exists (select 1 from audit_log a where a.event_id = e.id)");
            assertThat(auditedEvents).isPositive();

            Map<String, Integer> removed = retention.purge();

            assertThat(removed.get("events")).isGreaterThanOrEqualTo(1);
            assertThat(removed.get("LLM logs")).isGreaterThanOrEqualTo(1);
            assertThat(removed.get("agent run items")).isGreaterThanOrEqualTo(1);
            assertThat(removed.get("completed event publications")).isGreaterThanOrEqualTo(1);
            assertThat(removed.get("webhook deliveries")).isGreaterThanOrEqualTo(1);
            assertThat(count(c, "select count(*) from events where tenant_id = " + t + " and type = 'retention.probe'"))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "select count(*) from events e where e.tenant_id = " + t
                                    + " and exists (select 1 from audit_log a where a.event_id = e.id)"))
                    .isEqualTo(auditedEvents);
            assertThat(count(c, "select count(*) from llm_logs where tenant_id = " + t + " and prompt_key = 'probe'"))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "select count(*) from agent_run_items where tenant_id = " + t + " and item_type = 'probe'"))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "select count(*) from event_publication where serialized_event = 'retention-" + tenant
                                    + "' and completion_date is not null"))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "select count(*) from event_publication where serialized_event = 'retention-" + tenant
                                    + "' and completion_date is null"))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "select count(*) from webhook_signatures_seen where tenant_id = " + t
                                    + " and signature like 'probe-%'"))
                    .isEqualTo(1);
            assertThat(count(c, "select count(*) from audit_log where tenant_id = " + t))
                    .isEqualTo(audited);
            // and the audit log stays append-only, for the job's functions as for anyone
            assertThatThrownBy(() -> s.execute("delete from audit_log where tenant_id = " + t))
                    .hasMessageContaining("append-only");
        }
    }
}

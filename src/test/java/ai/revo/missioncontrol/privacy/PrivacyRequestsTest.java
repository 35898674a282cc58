package ai.revo.missioncontrol.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Export and erasure of one contact. After the erasure every text and JSON column of every table of the database is
 * searched for the person's name, e-mail and phone: none may remain.
 */
class PrivacyRequestsTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    SafetyManagement safety;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    private record Person(String first, String last, String email, String phone) {
        /**
         * What must not remain: each name, the full name, the address and the number (with and without its plus);
         * a name with quotes or an apostrophe also as JSON and HTML write it, and its letters alone.
         */
        List<String> values() {
            List<String> values = new ArrayList<>(List.of(first, last, first + " " + last, email, phone));
            values.add(phone.substring(1));
            for (String v : List.of(first, last, first + " " + last, email)) {
                if (v.matches(".*['\"].*")) {
                    values.add(v.replace("\"", "\\\""));
                    values.add(v.replace("'", "&#39;").replace("\"", "&quot;"));
                    values.add(v.replace("'", "&#x27;").replace("\"", "&#34;"));
                    values.add(v.replace("'", "&apos;"));
                }
            }
            for (String name : List.of(first, last)) {
                // the letters after any quote or apostrophe: "Zephabc" and O'Quillxyz leave no Zephabc or Quillxyz
                values.add(name.replaceAll("^.*[^\\p{L}](?=\\p{L})|[^\\p{L}]+$", ""));
            }
            return values.stream().distinct().toList();
        }
    }

    private static Person person() {
        String first = "Zeph" + letters(6);
        String last = "Quill" + letters(6);
        StringBuilder digits = new StringBuilder().append(2 + RANDOM.nextInt(8));
        for (int i = 0; i < 6; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return new Person(
                Character.toUpperCase(first.charAt(0)) + first.substring(1),
                Character.toUpperCase(last.charAt(0)) + last.substring(1),
                "zq-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com",
                "+1416" + digits);
    }

    /** A person whose first name is given in quotes ("Bob") and whose last name has an apostrophe (O'Brien). */
    private static Person quoted() {
        Person p = person();
        return new Person("\"" + p.first() + "\"", "O'" + p.last(), p.email().replace("zq-", "zq-o'b-"), p.phone());
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        return r;
    }

    private String contactWithHistory(Api api, Api.Session admin, Person p) {
        String contactId = ok(api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of(
                                "firstName", p.first(),
                                "lastName", p.last(),
                                "email", p.email(),
                                "phone", p.phone(),
                                "company", "Acme",
                                "city", "Toronto")))
                .json()
                .path("id")
                .asText();
        String campaign = ok(api.post(
                        "/api/v1/campaigns", admin.accessToken(), Map.of("name", "Privacy " + letters(8))))
                .json()
                .path("id")
                .asText();
        ok(api.post("/api/v1/leads", admin.accessToken(), Map.of("campaignId", campaign, "contactId", contactId)));
        ok(api.post(
                "/api/v1/contacts/" + contactId + "/notes",
                admin.accessToken(),
                Map.of("text", "Called " + p.first() + " on " + p.phone() + "; prefers " + p.email())));
        String draftId = UUID.randomUUID().toString();
        ok(api.post(
                "/api/v1/emails/draft",
                admin.accessToken(),
                Map.of(
                        "id",
                        draftId,
                        "subject",
                        "For " + p.first(),
                        "bodyHtml",
                        "<p>Hi " + p.first() + " " + p.last() + ", we spoke on " + p.phone() + "</p>")));
        ok(api.send(
                "POST",
                "/api/v1/emails/send",
                admin.accessToken(),
                Map.of("draftId", draftId, "toEmail", p.email()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        return contactId;
    }

    @Test
    void exportHoldsEverythingAboutTheContactAndIsAudited() {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path("outbound")
                                .path("outbound_messages")
                                .size()
                        > 0);
        JsonNode doc = api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                .expect(200)
                .json();
        assertThat(doc.path("contactId").asText()).isEqualTo(contactId);
        JsonNode data = doc.path("data");
        assertThat(data.path("contacts").path("contacts").get(0).path("email").asText())
                .isEqualTo(p.email());
        assertThat(data.path("contacts").path("leads")).hasSize(1);
        assertThat(data.path("contacts").path("contact_notes").toString()).contains("Called " + p.first());
        assertThat(data.path("email").path("emails").toString()).contains(p.email());
        assertThat(data.path("activity").path("events").size()).isPositive();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.get("/api/v1/contacts/" + contactId + "/export", operator.accessToken())
                .expectError(403, "FORBIDDEN");
        assertThat(api.get("/api/v1/audit?limit=20", admin.accessToken()).body())
                .contains("privacy.contact_exported");
    }

    @Test
    void erasureLeavesNoTraceOfThePersonAnywhereInTheDatabase() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        // an outbound webhook receives the contact's events: its deliveries hold their data too
        api.post(
                        "/api/v1/webhook-subscriptions",
                        admin.accessToken(),
                        Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("contact.", "lead.")))
                .status();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !hits(List.of(p.email()), "webhook_deliveries").isEmpty()
                        && !hits(List.of(p.email()), "outbound_messages").isEmpty());
        assertThat(hits(p.values(), null))
                .as("the person is in the database before")
                .isNotEmpty();

        JsonNode erased = api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null)
                .expect(200)
                .json();
        assertThat(erased.path("subject").asText()).startsWith("erased:");

        assertThat(hits(p.values(), null))
                .as("columns still holding the person's data")
                .isEmpty();
        // the erasure is audited without the data
        String audit = api.get("/api/v1/audit?limit=50", admin.accessToken()).body();
        assertThat(audit).contains("privacy.contact_erased").doesNotContain(p.email(), p.first());
        // the address stays suppressed, only as its keyed hash
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from suppressions where tenant_id = ?::uuid and address like 'hash:%'"
                                + " and channel = 'EMAIL' and deleted_at is null")) {
            s.setString(1, admin.tenantId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        // the contact is gone from the workspace
        assertThat(api.get("/api/v1/contacts/" + contactId, admin.accessToken()).status())
                .isEqualTo(404);
        // and the gateway's suppression check still finds them, by the keyed hash (another address: not suppressed)
        TenantId tenant = TenantId.of(admin.tenantId());
        assertThat(safety.isSuppressed(tenant, Channel.EMAIL, p.email().toUpperCase()))
                .isTrue();
        assertThat(safety.isSuppressed(tenant, Channel.WHATSAPP, p.phone())).isTrue();
        assertThat(safety.isSuppressed(tenant, Channel.EMAIL, Api.uniqueEmail("other")))
                .isFalse();
        assertThat(safety.suppressedAmong(tenant, Channel.EMAIL, List.of(p.email(), "x-" + p.email())))
                .containsExactly(p.email());
    }

    @Test
    void erasureReachesProviderDeliveryEventsAndInboundEmailFetchedFromResend() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        // a Resend inbound message with the content fetched from Resend's API, and a Postmark bounce about them,
        // stored as their webhooks store them (rows written with the superuser connection, as a fixture)
        try (Connection c = database().connect();
                PreparedStatement in = c.prepareStatement("""
                        insert into email_inbound_messages (id, tenant_id, provider, provider_message_id, body, status,
                            from_email, subject, content, received_at)
                        values (?::uuid, ?::uuid, 'RESEND', ?, ?, 'IGNORED', ?, ?, ?, now())""");
                PreparedStatement ev = c.prepareStatement("""
                        insert into email_delivery_events (id, tenant_id, provider, provider_event_id, kind, recipient,
                            reason, body, status, received_at)
                        values (?::uuid, ?::uuid, 'POSTMARK', ?, 'HARD_BOUNCE', ?, ?, ?, 'IGNORED', now())""")) {
            in.setString(1, UUID.randomUUID().toString());
            in.setString(2, admin.tenantId());
            in.setString(3, UUID.randomUUID().toString());
            in.setString(
                    4, "{\"type\":\"email.received\",\"data\":{\"from\":\"" + p.first() + " <" + p.email() + ">\"}}");
            in.setString(5, p.email());
            in.setString(6, "From " + p.first() + " " + p.last());
            in.setString(7, "{\"text\":\"Call me on " + p.phone() + ", " + p.first() + "\"}");
            in.executeUpdate();
            ev.setString(1, UUID.randomUUID().toString());
            ev.setString(2, admin.tenantId());
            ev.setString(3, "Bounce:" + RANDOM.nextInt(1_000_000));
            ev.setString(4, p.email());
            ev.setString(5, "HardBounce: mailbox of " + p.first() + " " + p.last() + " not found");
            ev.setString(6, "{\"RecordType\":\"Bounce\",\"Email\":\"" + p.email() + "\"}");
            ev.executeUpdate();
        }
        assertThat(hits(p.values(), "email_delivery_events")).isNotEmpty();
        assertThat(hits(p.values(), "email_inbound_messages")).isNotEmpty();
        JsonNode export = ok(api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken()))
                .json();
        assertThat(export.path("data")
                        .path("email")
                        .path("email_delivery_events")
                        .toString())
                .contains(p.email());

        ok(api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null));
        assertThat(hits(p.values(), "email_delivery_events")).isEmpty();
        assertThat(hits(p.values(), "email_inbound_messages")).isEmpty();
    }

    @Test
    void erasureReachesTheirCallsAndTheSpreadsheetsTheyWereImportedFrom() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        // a call from their number, its transcript naming them
        String campaign = ok(api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Calls " + letters(6))))
                .json()
                .path("id")
                .asText();
        JsonNode site = ok(api.post(
                        "/api/v1/sites",
                        admin.accessToken(),
                        Map.of("name", "Phone " + letters(6), "auth", "SHARED_SECRET", "campaignId", campaign)))
                .json();
        String call = "{\"id\":\"call_" + letters(8) + "\",\"orgId\":\"org_1\",\"type\":\"inboundPhoneCall\","
                + "\"phoneNumberId\":\"pn_1\",\"customer\":{\"number\":\"" + p.phone() + "\",\"name\":\""
                + p.first() + " " + p.last() + "\"}}";
        String report = "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
                + "\"call\":" + call + ",\"customer\":{\"number\":\"" + p.phone() + "\"},"
                + "\"startedAt\":\"2026-03-02T10:00:00.000Z\",\"endedAt\":\"2026-03-02T10:03:25.500Z\","
                + "\"analysis\":{\"summary\":\"" + p.first() + " wants a quote, mail " + p.email() + "\"},"
                + "\"artifact\":{\"transcript\":\"User: I am " + p.first() + " " + p.last() + ", " + p.email()
                + "\",\"messages\":[],\"recordingUrl\":\"https://storage.vapi.ai/" + letters(6) + ".wav\"}}}";
        api.send(
                        "POST",
                        "/api/v1/webhooks/voice/vapi/" + site.path("siteKey").asText(),
                        null,
                        report,
                        Map.of("X-Vapi-Secret", site.path("secret").asText()))
                .expect(200);
        // two spreadsheets naming them: one imported, one still waiting for its mapping
        String csv = "First Name,Last Name,E-mail,Mobile\n" + p.first() + "," + p.last() + ","
                + p.email().toUpperCase() + "," + p.phone() + "\nOther,Person,other-" + letters(6) + "@example.com,\n";
        String waiting = ok(upload(admin.accessToken(), "people.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .json()
                .path("id")
                .asText();
        String unrelated = ok(upload(
                        admin.accessToken(),
                        "others.csv",
                        ("E-mail\nsomeone-" + letters(6) + "@example.com\n").getBytes(StandardCharsets.UTF_8)))
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !hits(List.of(p.email()), "voice_calls").isEmpty()
                        && !hits(List.of(p.email()), "outbound_messages").isEmpty());
        JsonNode export = api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(export.path("voice").path("voice_calls").toString()).contains(p.email());
        assertThat(export.path("imports").path("import_files").toString())
                .contains(waiting)
                .doesNotContain(unrelated);

        api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null)
                .expect(200);

        assertThat(hits(p.values(), null))
                .as("columns still holding the person's data")
                .isEmpty();
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(
                        "select import_id::text from import_files where tenant_id = ?::uuid order by 1")) {
            s.setString(1, admin.tenantId());
            List<String> left = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    left.add(rs.getString(1));
                }
            }
            assertThat(left).containsExactly(unrelated);
        }
        JsonNode cancelled = api.get("/api/v1/imports/" + waiting, admin.accessToken())
                .expect(200)
                .json();
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.toString()).contains("privacy erasure");
        api.post("/api/v1/imports/" + waiting + "/start", admin.accessToken(), null)
                .expectError(409, "CONFLICT");
    }

    @Test
    void namesWithQuotesAndApostrophesAreFoundAndErasedWithTheInboundEmailsTheySent() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = quoted();
        String contactId = contactWithHistory(api, admin, p);
        // inbound email through Postmark: one from them, one from someone else that quotes their address
        JsonNode connected = ok(api.post("/api/v1/settings/email/inbound/postmark", admin.accessToken(), Map.of()))
                .json();
        String url = connected.path("webhookUrl").asText();
        String basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((connected.path("username").asText() + ":"
                                        + connected.path("password").asText())
                                .getBytes(StandardCharsets.UTF_8));
        String fromThem = ok(api.send(
                        "POST",
                        url.substring(url.indexOf("/api/v1/")),
                        null,
                        postmark(
                                p.first() + " " + p.last(),
                                p.email(),
                                "Re: for " + p.first(),
                                "Yes, call me on " + p.phone() + ". " + p.first() + " " + p.last()),
                        Map.of("Authorization", basic)))
                .json()
                .path("id")
                .asText();
        String aboutThem = ok(api.send(
                        "POST",
                        url.substring(url.indexOf("/api/v1/")),
                        null,
                        postmark(
                                "Colleague",
                                "colleague-" + letters(6) + "@example.com",
                                "A referral",
                                "Please write to " + p.email() + " (" + p.first() + " " + p.last() + ")"),
                        Map.of("Authorization", basic)))
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !hits(List.of(p.email()), "outbound_messages").isEmpty()
                        && inboundStatuses(admin.tenantId()).stream().noneMatch("RECEIVED"::equals));

        // found: the export holds the contact under their quoted name and both inbound emails
        JsonNode data = api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(data.path("contacts")
                        .path("contacts")
                        .get(0)
                        .path("first_name")
                        .asText())
                .isEqualTo(p.first());
        assertThat(data.path("contacts")
                        .path("contacts")
                        .get(0)
                        .path("last_name")
                        .asText())
                .isEqualTo(p.last());
        assertThat(data.path("email").path("email_inbound_messages").toString())
                .contains(fromThem)
                .contains(aboutThem);
        assertThat(hits(p.values(), null))
                .as("the person is in the database before")
                .isNotEmpty();

        api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null)
                .expect(200);

        assertThat(hits(p.values(), null))
                .as("columns still holding the person's data")
                .isEmpty();
        // the raw inbound emails are blanked, not only searched and replaced
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(
                        "select body, subject from email_inbound_messages where tenant_id = ?::uuid")) {
            s.setString(1, admin.tenantId());
            try (ResultSet rs = s.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getString(1)).startsWith("erased:");
                    assertThat(rs.getString(2)).startsWith("erased:");
                }
                assertThat(rows).isEqualTo(2);
            }
        }
    }

    @Test
    void erasureReachesThePipelineRunsThatNamedTheirLead() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        String leadId = api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .path("contacts")
                .path("leads")
                .get(0)
                .path("id")
                .asText();
        UUID tenant = UUID.fromString(admin.tenantId());
        UUID agentRun = UUID.randomUUID();
        UUID pipelineRun = UUID.randomUUID();
        String actor = "{\"type\":\"USER\",\"id\":\"" + admin.userId() + "\",\"name\":\"Admin\"}";
        // a pipeline run whose scoring step failed on their lead (the agent run's error, copied into the step), and
        // whose drafting step was skipped naming them
        TenantContext.callAs(
                tenant,
                () -> tx.execute(status -> {
                    jdbc.sql(
                                    "insert into agent_runs (id, tenant_id, agent_key, trigger, status, max_attempts, requested_by,"
                                            + " input, output, error) values (?, ?, 'enrichment_scorer', 'MANUAL', 'DEAD', 1,"
                                            + " cast(? as jsonb), cast(? as jsonb), '{}', cast(? as jsonb))")
                            .params(
                                    agentRun,
                                    tenant,
                                    actor,
                                    "{\"pipelineRunId\":\"" + pipelineRun + "\",\"leadIds\":[\"" + leadId + "\"]}",
                                    "{\"message\":\"Scoring " + p.first() + " failed\"}")
                            .update();
                    jdbc.sql("insert into pipeline_runs (id, tenant_id, status, requested_by, started_at, finished_at)"
                                    + " values (?, ?, 'FAILED', cast(? as jsonb), now(), now())")
                            .params(pipelineRun, tenant, actor)
                            .update();
                    jdbc.sql(
                                    "insert into pipeline_run_steps (id, tenant_id, pipeline_run_id, position, agent_key, status,"
                                            + " agent_run_id, reason, output) values (?, ?, ?, 1, 'enrichment_scorer', 'FAILED', ?, ?,"
                                            + " '{\"scored\":0}')")
                            .params(
                                    UUID.randomUUID(),
                                    tenant,
                                    pipelineRun,
                                    agentRun,
                                    "Scoring " + p.first() + " failed")
                            .update();
                    jdbc.sql(
                                    "insert into pipeline_run_steps (id, tenant_id, pipeline_run_id, position, agent_key, status,"
                                            + " reason) values (?, ?, ?, 2, 'outreach_drafter', 'SKIPPED', ?)")
                            .params(
                                    UUID.randomUUID(),
                                    tenant,
                                    pipelineRun,
                                    "No draft for " + p.first() + " " + p.last() + " <" + p.email() + ">")
                            .update();
                    return null;
                }));

        JsonNode steps = api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .path("agents")
                .path("pipeline_run_steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.toString()).contains("Scoring " + p.first()).contains(p.email());

        api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null)
                .expect(200);

        assertThat(hits(p.values(), null))
                .as("columns still holding the person's data")
                .isEmpty();
        assertThat(hits(List.of("erased:"), "pipeline_run_steps", admin.tenantId()))
                .containsExactly("pipeline_run_steps.reason holds erased:");
    }

    @Test
    void erasureReachesTheTextMessagesTwilioReportedForTheirNumber() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        UUID tenant = UUID.fromString(admin.tenantId());
        // an inbound SMS from them and a status callback of one sent to them, as Twilio posts them (form parameters)
        TenantContext.callAs(
                tenant,
                () -> tx.execute(status -> {
                    jdbc.sql("insert into sms_webhook_events (id, tenant_id, kind, message_sid, message_status, params,"
                                    + " status, received_at) values (?, ?, 'INBOUND', ?, 'received', cast(? as jsonb),"
                                    + " 'RECEIVED', now())")
                            .params(
                                    UUID.randomUUID(),
                                    tenant,
                                    "SM" + letters(32),
                                    "{\"From\":\"" + p.phone() + "\",\"To\":\"+15005550006\",\"Body\":\"This is "
                                            + p.first() + " " + p.last() + ", call me\"}")
                            .update();
                    jdbc.sql("insert into sms_webhook_events (id, tenant_id, kind, message_sid, message_status, params,"
                                    + " status, received_at) values (?, ?, 'STATUS', ?, 'delivered', cast(? as jsonb),"
                                    + " 'PROCESSED', now())")
                            .params(
                                    UUID.randomUUID(),
                                    tenant,
                                    "SM" + letters(32),
                                    "{\"To\":\"" + p.phone() + "\",\"MessageStatus\":\"delivered\"}")
                            .update();
                    return null;
                }));

        // a STOP of theirs as processed: its outcome names their number
        TenantContext.callAs(
                tenant,
                () -> tx.execute(status -> jdbc.sql("insert into sms_webhook_events (id, tenant_id, kind, message_sid,"
                                + " message_status, params, status, outcome, received_at) values (?, ?, 'INBOUND', ?,"
                                + " 'received', cast(? as jsonb), 'PROCESSED', ?, now())")
                        .params(
                                UUID.randomUUID(),
                                tenant,
                                "SM" + letters(32),
                                "{\"From\":\"" + p.phone() + "\",\"To\":\"+15005550006\",\"Body\":\"STOP\"}",
                                "Opt-out (STOP): " + p.phone() + " suppressed for SMS")
                        .update()));
        JsonNode sms = api.get("/api/v1/contacts/" + contactId + "/export", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .path("sms")
                .path("sms_webhook_events");
        assertThat(sms).hasSize(3);
        assertThat(sms.toString()).contains(p.phone()).contains(p.first());

        api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null)
                .expect(200);

        assertThat(hits(p.values(), null))
                .as("columns still holding the person's data")
                .isEmpty();
    }

    @Test
    void erasureFitsTheHashIntoColumnsWithALengthLimitInsteadOfFailing() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Person p = person();
        String contactId = contactWithHistory(api, admin, p);
        // the email to them is sent in the background: erase after it has been handed on, or its events would be
        // written after the erasure (as the other cases wait)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !hits(List.of(p.email()), "outbound_messages").isEmpty());
        // a deal name may have 200 characters: theirs has 199, with their address and number in it, which the
        // 71-character keyed hash would make too long
        String prefix = "Renewal " + p.email() + " " + p.phone() + " ";
        String name = prefix + "x".repeat(199 - prefix.length());
        String dealId = ok(api.post(
                        "/api/v1/deals",
                        admin.accessToken(),
                        Map.of("contactId", contactId, "name", name, "amount", 1200, "currency", "EUR")))
                .json()
                .path("id")
                .asText();

        api.post("/api/v1/contacts/" + contactId + "/erase", admin.accessToken(), null)
                .expect(200);

        assertThat(hits(p.values(), null))
                .as("columns still holding the person's data")
                .isEmpty();
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement("select name from deals where id = ?::uuid")) {
            s.setString(1, dealId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("erased:").hasSizeLessThanOrEqualTo(200);
            }
        }
    }

    private List<String> inboundStatuses(String tenant) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = database().connect();
                PreparedStatement s =
                        c.prepareStatement("select status from email_inbound_messages where tenant_id = ?::uuid")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }

    /** An inbound e-mail as Postmark posts it (postmarkapp.com/developer/webhooks/inbound-webhook), unthreaded. */
    private static String postmark(String fromName, String from, String subject, String text) throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("FromName", fromName);
        m.put("MessageStream", "inbound");
        m.put("From", from);
        m.put("FromFull", Map.of("Email", from, "Name", fromName, "MailboxHash", ""));
        m.put("To", "inbound@inbound.postmarkapp.com");
        m.put("ToFull", List.of(Map.of("Email", "inbound@inbound.postmarkapp.com", "Name", "", "MailboxHash", "")));
        m.put("OriginalRecipient", "inbound@inbound.postmarkapp.com");
        m.put("Subject", subject);
        m.put("MessageID", UUID.randomUUID().toString());
        m.put("MailboxHash", "");
        m.put("Date", "Thu, 3 Dec 2026 10:45:32 +00:00");
        m.put("TextBody", text);
        m.put(
                "HtmlBody",
                "<p>" + text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;") + "</p>");
        m.put("StrippedTextReply", text);
        m.put(
                "Headers",
                List.of(Map.of("Name", "Message-ID", "Value", "<" + UUID.randomUUID() + "@mail.example.com>")));
        m.put("Attachments", List.of());
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
    }

    /** Uploads a file as multipart/form-data, the way a browser does. */
    private Api.Response upload(String token, String fileName, byte[] content) throws Exception {
        String boundary = "----mc" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isBlank()
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        return new Api.Response(r.statusCode(), r.body(), json, r.headers());
    }

    /** Every text and JSON column (of one table, or of every table) holding any of the values, case-insensitive. */
    private List<String> hits(List<String> values, String onlyTable) throws Exception {
        return hits(values, onlyTable, null);
    }

    private List<String> hits(List<String> values, String onlyTable, String tenant) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = database().connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'character')
                      and (? is null or c.table_name = ?)
                    order by 1, 2""")) {
                s.setString(1, onlyTable);
                s.setString(2, onlyTable);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] col : columns) {
                for (String v : values) {
                    String sql = "select count(*) from \"" + col[0] + "\" where \"" + col[1] + "\"::text ilike ?"
                            + (tenant == null ? "" : " and tenant_id = ?::uuid");
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(
                                1,
                                "%"
                                        + v.replace("\\", "\\\\")
                                                .replace("%", "\\%")
                                                .replace("_", "\\_") + "%");
                        if (tenant != null) {
                            s.setString(2, tenant);
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(col[0] + "." + col[1] + " holds " + v);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}

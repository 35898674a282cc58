package ai.revo.missioncontrol.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sites end to end over HTTP: the registry, signed ingestion for each scheme with payloads shaped as Typeform and
 * Webflow document them, replay, rotation, the golden record across sites, a failed event fixed by its mapping and
 * reprocessed, the contact's timeline, and the data monitor.
 */
class SitesApiTest extends IntegrationTest {

    @Autowired
    SiteHealth health;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    record Registered(String id, String key, String secret) {}

    Registered register(Api api, Api.Session admin, Map<String, Object> body) {
        JsonNode site =
                api.post("/api/v1/sites", admin.accessToken(), body).expect(201).json();
        assertThat(site.path("status").asText()).isEqualTo("WAITING");
        assertThat(site.path("endpoint").asText())
                .isEqualTo("/api/v1/ingest/" + site.path("siteKey").asText());
        return new Registered(
                site.path("id").asText(),
                site.path("siteKey").asText(),
                site.path("secret").asText());
    }

    Api.Response standard(Api api, Registered site, String secret, String id, String body) {
        long ts = Instant.now().getEpochSecond();
        return api.send(
                "POST",
                "/api/v1/ingest/" + site.key(),
                null,
                body,
                Map.of(
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        "" + ts,
                        "webhook-signature",
                        SitePayloads.standardSignature(secret, id, ts, body)));
    }

    JsonNode awaitEvent(Api api, Api.Session s, String eventId, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/v1/ingest/events/" + eventId, s.accessToken())
                                .expect(200)
                                .json(),
                        e -> e.path("status").asText().equals(status));
    }

    @Test
    void registersSitesAndShowsTheSecretOnlyOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        Registered site = register(
                api,
                admin,
                Map.of(
                        "name", "Prime Electrical",
                        "url", "https://prime-electrical-nu.vercel.app",
                        "purpose", "Electrical services, lead generation",
                        "dataTypes", List.of("leads", "form submissions", "voice calls"),
                        "auth", "STANDARD_WEBHOOKS"));
        assertThat(site.secret()).startsWith("whsec_");
        assertThat(site.key()).startsWith("prime-electrical-");
        JsonNode got = api.get("/api/v1/sites/" + site.id(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(got.has("secret")).isFalse();
        assertThat(got.path("connection").asText()).isEqualTo("PUSH");
        assertThat(got.path("silentAfter").asText()).isEqualTo("PT2H");
        assertThat(got.path("secretLastFour").asText())
                .isEqualTo(site.secret().substring(site.secret().length() - 4));
        assertThat(api.get("/api/v1/sites", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        // bad input: clear 4xx, nothing changed
        api.post("/api/v1/sites", admin.accessToken(), Map.of("name", "No auth"))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/sites", admin.accessToken(), Map.of("name", "Flow", "auth", "WEBFLOW"))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/sites", admin.accessToken(), Map.of("name", "Prime Electrical", "auth", "SHARED_SECRET"))
                .expectError(409, "CONFLICT");
        api.patch("/api/v1/sites/" + site.id(), admin.accessToken(), Map.of("silentAfter", "PT1M"))
                .expectError(400, "VALIDATION_ERROR");
        api.patch("/api/v1/sites/" + site.id(), admin.accessToken(), Map.of("silentAfter", "PT30M", "purpose", "Leads"))
                .expect(200);
        assertThat(api.get("/api/v1/sites/" + site.id(), admin.accessToken())
                        .json()
                        .path("silentAfter")
                        .asText())
                .isEqualTo("PT30M");
        api.delete("/api/v1/sites/" + site.id(), admin.accessToken()).expect(204);
        api.get("/api/v1/sites/" + site.id(), admin.accessToken()).expectError(404, "NOT_FOUND");
        standard(api, site, site.secret(), "msg_gone", "{\"email\":\"a@example.com\"}")
                .expect(404);
    }

    @Test
    void standardWebhooksStoresOnceConnectsAndMakesContactAndLead() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Prime leads"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Registered site =
                register(api, admin, Map.of("name", "Prime", "auth", "STANDARD_WEBHOOKS", "campaignId", campaign));
        String email = Api.uniqueEmail("max");
        String body = "{\"type\":\"quote_request\",\"data\":{\"name\":\"Max Power\",\"email\":\"" + email
                + "\",\"phone\":\"+64 21 555 0101\",\"message\":\"Switchboard upgrade\"}}";

        // wrong, stale or missing signatures: 401 and nothing stored
        standard(api, site, Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS), "msg_bad", body)
                .expectError(401, "UNAUTHORIZED");
        api.send("POST", "/api/v1/ingest/" + site.key(), null, body, Map.of()).expectError(401, "UNAUTHORIZED");
        long stale = Instant.now().minusSeconds(600).getEpochSecond();
        api.send(
                        "POST",
                        "/api/v1/ingest/" + site.key(),
                        null,
                        body,
                        Map.of(
                                "webhook-id",
                                "msg_old",
                                "webhook-timestamp",
                                "" + stale,
                                "webhook-signature",
                                SitePayloads.standardSignature(site.secret(), "msg_old", stale, body)))
                .expectError(401, "UNAUTHORIZED");
        assertThat(events(api, admin, site).size()).isZero();
        assertThat(api.get("/api/v1/sites/" + site.id(), admin.accessToken())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("WAITING");

        JsonNode receipt =
                standard(api, site, site.secret(), "msg_1", body).expect(202).json();
        String eventId = receipt.path("eventId").asText();
        assertThat(receipt.path("duplicate").asBoolean()).isFalse();
        // the replay is acknowledged with the first event and not stored or processed again
        JsonNode replay =
                standard(api, site, site.secret(), "msg_1", body).expect(200).json();
        assertThat(replay.path("eventId").asText()).isEqualTo(eventId);
        assertThat(replay.path("duplicate").asBoolean()).isTrue();

        JsonNode event = awaitEvent(api, admin, eventId, "PROCESSED");
        assertThat(event.path("type").asText()).isEqualTo("quote_request");
        assertThat(event.path("payload").path("data").path("message").asText()).isEqualTo("Switchboard upgrade");
        assertThat(event.path("headers").path("webhook-id").asText()).isEqualTo("msg_1");
        assertThat(event.path("headers").has("webhook-signature")).isFalse();
        assertThat(event.path("properties").path("message").asText()).isEqualTo("Switchboard upgrade");
        assertThat(events(api, admin, site).size()).isEqualTo(1);

        JsonNode s = api.get("/api/v1/sites/" + site.id(), admin.accessToken()).json();
        assertThat(s.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(s.path("eventsToday").asLong()).isEqualTo(1);
        assertThat(s.path("lastEventAt").isNull()).isFalse();

        String contactId = event.path("contactId").asText();
        JsonNode contact = api.get("/api/v1/contacts/" + contactId, admin.accessToken())
                .expect(200)
                .json();
        assertThat(contact.path("firstName").asText()).isEqualTo("Max");
        assertThat(contact.path("lastName").asText()).isEqualTo("Power");
        assertThat(contact.path("phone").asText()).isEqualTo("+64215550101");
        assertThat(contact.path("campaigns").get(0).path("campaignId").asText()).isEqualTo(campaign);
        assertThat(event.path("leadId").asText())
                .isEqualTo(contact.path("campaigns").get(0).path("leadId").asText());

        // the contact's one timeline shows what the site sent
        JsonNode timeline = api.get("/api/v1/contacts/" + contactId + "/timeline", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(timeline.findValues("kind").stream().map(JsonNode::asText)).contains("SITE_EVENT");

        // reprocessing is idempotent: same contact, no second lead
        api.post("/api/v1/ingest/events/" + eventId + "/reprocess", admin.accessToken(), null)
                .expect(202);
        JsonNode again = awaitEvent(api, admin, eventId, "PROCESSED");
        assertThat(again.path("attempt").asInt()).isEqualTo(2);
        assertThat(again.path("contactId").asText()).isEqualTo(contactId);
        assertThat(api.get("/api/v1/contacts/" + contactId, admin.accessToken())
                        .json()
                        .path("campaigns")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void oldSecretVerifiesDuringTheRotationGrace() {
        Api api = api();
        Api.Session admin = api.signup();
        Registered site = register(api, admin, Map.of("name", "CleanJet", "auth", "SHARED_SECRET"));
        JsonNode rotated = api.post("/api/v1/sites/" + site.id() + "/rotate-secret", admin.accessToken(), null)
                .expect(200)
                .json();
        String fresh = rotated.path("secret").asText();
        assertThat(fresh).isNotEqualTo(site.secret());
        assertThat(rotated.path("previousSecretValidUntil").isNull()).isFalse();
        for (String secret : List.of(site.secret(), fresh)) {
            api.send(
                            "POST",
                            "/api/v1/ingest/" + site.key(),
                            null,
                            "{\"email\":\"" + Api.uniqueEmail("jess") + "\",\"type\":\"booking\"}",
                            Map.of("x-webhook-secret", secret))
                    .expect(202);
        }
        api.send(
                        "POST",
                        "/api/v1/ingest/" + site.key(),
                        null,
                        "{\"email\":\"x@example.com\"}",
                        Map.of("x-webhook-secret", fresh + "-not"))
                .expectError(401, "UNAUTHORIZED");
        assertThat(events(api, admin, site).size()).isEqualTo(2);
    }

    @Test
    void onePersonFromTypeformAndWebflowIsOneContactNewestValueWins() {
        Api api = api();
        Api.Session admin = api.signup();
        Registered typeform = register(
                api,
                admin,
                Map.of("name", "AKF Construction", "auth", "TYPEFORM", "secret", "typeform-secret-akf-0001"));
        String webflowSecret = "webflow-oauth-client-secret-0001";
        Registered webflow =
                register(api, admin, Map.of("name", "CleanJet", "auth", "WEBFLOW", "secret", webflowSecret));
        assertThat(typeform.secret()).isEqualTo("typeform-secret-akf-0001");
        String email = Api.uniqueEmail("ada");

        String tf = SitePayloads.typeform("01HXTF" + UUID.randomUUID(), "Ada", email, "+64211234567", "Renovation");
        api.send(
                        "POST",
                        "/api/v1/ingest/" + typeform.key(),
                        null,
                        tf,
                        Map.of("Typeform-Signature", SitePayloads.typeformSignature("wrong-secret-000000", tf)))
                .expectError(401, "UNAUTHORIZED");
        String first = api.send(
                        "POST",
                        "/api/v1/ingest/" + typeform.key(),
                        null,
                        tf,
                        Map.of("Typeform-Signature", SitePayloads.typeformSignature(typeform.secret(), tf)))
                .expect(202)
                .json()
                .path("eventId")
                .asText();
        // Typeform retries the same delivery: same event_id, acknowledged once
        assertThat(api.send(
                                "POST",
                                "/api/v1/ingest/" + typeform.key(),
                                null,
                                tf,
                                Map.of("Typeform-Signature", SitePayloads.typeformSignature(typeform.secret(), tf)))
                        .expect(200)
                        .json()
                        .path("eventId")
                        .asText())
                .isEqualTo(first);
        String contactId =
                awaitEvent(api, admin, first, "PROCESSED").path("contactId").asText();

        // the same person on the Webflow site, by email, with a surname and a blank first name
        String wf = SitePayloads.webflow("sub-" + UUID.randomUUID(), "", "Lovelace", email, 64211234567L, "Cleaning");
        long ms = Instant.now().toEpochMilli();
        api.send(
                        "POST",
                        "/api/v1/ingest/" + webflow.key(),
                        null,
                        wf,
                        Map.of(
                                "x-webflow-timestamp",
                                "" + ms,
                                "x-webflow-signature",
                                SitePayloads.webflowSignature("not-the-secret-000000", ms, wf)))
                .expectError(401, "UNAUTHORIZED");
        String second = api.send(
                        "POST",
                        "/api/v1/ingest/" + webflow.key(),
                        null,
                        wf,
                        Map.of(
                                "x-webflow-timestamp",
                                "" + ms,
                                "x-webflow-signature",
                                SitePayloads.webflowSignature(webflowSecret, ms, wf)))
                .expect(202)
                .json()
                .path("eventId")
                .asText();
        JsonNode processed = awaitEvent(api, admin, second, "PROCESSED");
        assertThat(processed.path("contactId").asText()).isEqualTo(contactId);
        assertThat(processed.path("properties").path("Message").asText()).isEqualTo("Cleaning");

        JsonNode contact =
                api.get("/api/v1/contacts/" + contactId, admin.accessToken()).json();
        assertThat(contact.path("firstName").asText()).isEqualTo("Ada"); // a blank never overwrites
        assertThat(contact.path("lastName").asText()).isEqualTo("Lovelace"); // the newest non-empty value
        assertThat(contact.path("phone").asText()).isEqualTo("+64211234567");
        assertThat(api.get("/api/v1/contacts?q=" + email, admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(1);

        // reprocessing the older Typeform event does not take the contact back to its older values
        JsonNode tfEvent = api.post("/api/v1/ingest/events/" + first + "/reprocess", admin.accessToken(), null)
                .expect(202)
                .json();
        assertThat(tfEvent.path("status").asText()).isEqualTo("RECEIVED");
        awaitEvent(api, admin, first, "PROCESSED");
        assertThat(api.get("/api/v1/contacts/" + contactId, admin.accessToken())
                        .json()
                        .path("lastName")
                        .asText())
                .isEqualTo("Lovelace");

        // the merge is audited with its source: the site
        JsonNode audit = api.get("/api/v1/audit?entityType=contact", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(audit.toString()).contains("CleanJet (site)");

        JsonNode timeline = api.get("/api/v1/contacts/" + contactId + "/timeline", admin.accessToken())
                .json()
                .path("data");
        assertThat(timeline.findValues("kind").stream().filter(k -> k.asText().equals("SITE_EVENT")))
                .hasSize(2);
    }

    @Test
    void failedEventIsFixedByEditingTheMappingAndReprocessing() {
        Api api = api();
        Api.Session admin = api.signup();
        Registered site = register(api, admin, Map.of("name", "Bookings", "auth", "SHARED_SECRET"));
        String email = Api.uniqueEmail("bo");
        String body = "{\"kind\":\"booking\",\"person\":{\"mail\":\"" + email + "\",\"full\":\"Bo Peep\"}}";
        String eventId = api.send(
                        "POST", "/api/v1/ingest/" + site.key(), null, body, Map.of("x-webhook-secret", site.secret()))
                .expect(202)
                .json()
                .path("eventId")
                .asText();
        JsonNode failed = awaitEvent(api, admin, eventId, "FAILED");
        assertThat(failed.path("error").asText()).contains("no email, phone or name");
        assertThat(failed.path("contactId").isNull()).isTrue();

        Map<String, Object> mapping = Map.of(
                "preset", "GENERIC",
                "eventTypePath", "$.kind",
                "fields", Map.of("email", "$.person.mail", "name", "$.person.full"));
        JsonNode preview = api.post(
                        "/api/v1/sites/" + site.id() + "/mapping/preview",
                        admin.accessToken(),
                        Map.of("eventId", eventId, "mapping", mapping))
                .expect(200)
                .json();
        assertThat(preview.path("contact").path("email").asText()).isEqualTo(email);
        assertThat(preview.path("type").asText()).isEqualTo("booking");
        assertThat(preview.path("problem").isNull()).isTrue();
        api.patch(
                        "/api/v1/sites/" + site.id(),
                        admin.accessToken(),
                        Map.of("mapping", Map.of("fields", Map.of("nope", "$.x"))))
                .expectError(400, "VALIDATION_ERROR");
        api.patch("/api/v1/sites/" + site.id(), admin.accessToken(), Map.of("mapping", mapping))
                .expect(200);

        JsonNode queued = api.post(
                        "/api/v1/sites/" + site.id() + "/reprocess",
                        admin.accessToken(),
                        Map.of(
                                "status",
                                "FAILED",
                                "from",
                                Instant.now().minusSeconds(3600).toString()))
                .expect(202)
                .json();
        assertThat(queued.path("queued").asInt()).isEqualTo(1);
        JsonNode fixed = awaitEvent(api, admin, eventId, "PROCESSED");
        assertThat(fixed.path("type").asText()).isEqualTo("booking");
        JsonNode contact = api.get("/api/v1/contacts/" + fixed.path("contactId").asText(), admin.accessToken())
                .json();
        assertThat(contact.path("email").asText()).isEqualTo(email);
        assertThat(contact.path("firstName").asText()).isEqualTo("Bo");
        api.post(
                        "/api/v1/sites/" + site.id() + "/reprocess",
                        admin.accessToken(),
                        Map.of(
                                "from",
                                Instant.now().toString(),
                                "to",
                                Instant.now().minusSeconds(5).toString()))
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void silentSiteRaisesANotificationThatClearsWhenDataReturns() {
        Api api = api();
        Api.Session admin = api.signup();
        Registered site = register(api, admin, Map.of("name", "Quiet", "auth", "SHARED_SECRET", "silentAfter", "PT5M"));
        api.send(
                        "POST",
                        "/api/v1/ingest/" + site.key(),
                        null,
                        "{\"email\":\"" + Api.uniqueEmail("q") + "\"}",
                        Map.of("x-webhook-secret", site.secret()))
                .expect(202);
        TenantId tenant = TenantId.of(admin.tenantId());
        TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> jdbc.sql(
                                "update sites set last_event_at = now() - interval '10 minutes' where tenant_id = ? and id = ?")
                        .params(tenant.value(), UUID.fromString(site.id()))
                        .update()));

        assertThat(health.flagSilent(tenant)).isEqualTo(1);
        assertThat(health.flagSilent(tenant)).isZero();
        JsonNode silent =
                api.get("/api/v1/sites/" + site.id(), admin.accessToken()).json();
        assertThat(silent.path("status").asText()).isEqualTo("SILENT");
        assertThat(silent.path("silentSince").isNull()).isFalse();
        JsonNode notes = api.get("/api/v1/me/notifications", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(notes.findValues("kind").stream().map(JsonNode::asText)).contains("SITE_SILENT");

        api.send(
                        "POST",
                        "/api/v1/ingest/" + site.key(),
                        null,
                        "{\"email\":\"" + Api.uniqueEmail("q") + "\"}",
                        Map.of("x-webhook-secret", site.secret()))
                .expect(202);
        JsonNode back =
                api.get("/api/v1/sites/" + site.id(), admin.accessToken()).json();
        assertThat(back.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(back.path("silentSince").isNull()).isTrue();
        notes = api.get("/api/v1/me/notifications", admin.accessToken()).json().path("data");
        assertThat(notes.findValues("kind").stream().map(JsonNode::asText)).contains("SITE_RESUMED");
    }

    @Test
    void pausedSiteStoresEventsIgnoredUntilReprocessed() {
        Api api = api();
        Api.Session admin = api.signup();
        Registered site = register(api, admin, Map.of("name", "Paused", "auth", "SHARED_SECRET"));
        api.patch("/api/v1/sites/" + site.id(), admin.accessToken(), Map.of("paused", true))
                .expect(200);
        String eventId = api.send(
                        "POST",
                        "/api/v1/ingest/" + site.key(),
                        null,
                        "{\"email\":\"" + Api.uniqueEmail("p") + "\"}",
                        Map.of("x-webhook-secret", site.secret()))
                .expect(202)
                .json()
                .path("eventId")
                .asText();
        JsonNode ignored =
                api.get("/api/v1/ingest/events/" + eventId, admin.accessToken()).json();
        assertThat(ignored.path("status").asText()).isEqualTo("IGNORED");
        JsonNode resumed = api.patch("/api/v1/sites/" + site.id(), admin.accessToken(), Map.of("paused", false))
                .expect(200)
                .json();
        assertThat(resumed.path("status").asText()).isEqualTo("WAITING");
        api.post("/api/v1/ingest/events/" + eventId + "/reprocess", admin.accessToken(), null)
                .expect(202);
        awaitEvent(api, admin, eventId, "PROCESSED");
    }

    private JsonNode events(Api api, Api.Session admin, Registered site) {
        return api.get("/api/v1/sites/" + site.id() + "/events", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

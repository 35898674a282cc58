package ai.revo.missioncontrol.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Voice calls from Vapi over HTTP, with server messages shaped as Vapi documents them ({@code {"message": {...}}}):
 * the secret and the HMAC credential, assistant-request with the caller's context or the spoken error of a paused
 * site, status updates, tool calls answered, the end-of-call report in its current ({@code artifact}) and older
 * (top-level) shapes, the caller made a contact and a lead, the calls API and the contact's timeline.
 */
class VapiWebhookTest extends IntegrationTest {

    record Site(String id, String key, String secret) {}

    Site site(Api api, Api.Session admin, String campaign) {
        JsonNode site = api.post(
                        "/api/v1/sites",
                        admin.accessToken(),
                        Map.of(
                                "name",
                                "Prime phone " + UUID.randomUUID(),
                                "auth",
                                "SHARED_SECRET",
                                "campaignId",
                                campaign))
                .expect(201)
                .json();
        return new Site(
                site.path("id").asText(),
                site.path("siteKey").asText(),
                site.path("secret").asText());
    }

    static String hmacHex(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    Api.Response withSecret(Api api, Site site, String secret, String body) {
        return api.send(
                "POST", "/api/v1/webhooks/voice/vapi/" + site.key(), null, body, Map.of("X-Vapi-Secret", secret));
    }

    Api.Response signed(Api api, Site site, String secret, long timestamp, String body) throws Exception {
        return api.send(
                "POST",
                "/api/v1/webhooks/voice/vapi/" + site.key(),
                null,
                body,
                Map.of("x-timestamp", "" + timestamp, "x-signature", hmacHex(secret, timestamp + "." + body)));
    }

    static String call(String id, String number) {
        return "{\"id\":\"" + id + "\",\"orgId\":\"org_1\",\"type\":\"inboundPhoneCall\",\"phoneNumberId\":\"pn_1\","
                + "\"customer\":{\"number\":\"" + number + "\"}}";
    }

    @Test
    void refusesABodyOverTheLimitBeforeReadingItAndStoresNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Big calls"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Site site = site(api, admin, campaign);
        // one byte over MC_VOICE_MAX_BODY_BYTES (5 MB), with the right secret: the size is refused first
        String body = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":"
                + call("call_too_big", "+14155550100") + ",\"pad\":\"";
        body = body + "x".repeat(5 * 1024 * 1024 + 1 - body.length() - 3) + "\"}}";
        withSecret(api, site, site.secret(), body).expectError(413, "PAYLOAD_TOO_LARGE");
        assertThat(api.get("/api/v1/calls", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void refusesMissingWrongAndStaleCredentialsAndStoresNothing() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Calls"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Site site = site(api, admin, campaign);
        String body = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":"
                + call("call_refused", "+14155550100") + "}}";
        api.send("POST", "/api/v1/webhooks/voice/vapi/" + site.key(), null, body, Map.of())
                .expectError(401, "UNAUTHORIZED");
        withSecret(api, site, "not-the-secret-at-all", body).expectError(401, "UNAUTHORIZED");
        signed(api, site, "not-the-secret-at-all", Instant.now().getEpochSecond(), body)
                .expectError(401, "UNAUTHORIZED");
        signed(api, site, site.secret(), Instant.now().minusSeconds(600).getEpochSecond(), body)
                .expectError(401, "UNAUTHORIZED");
        // signed over another body: the signature is checked on the raw bytes
        long ts = Instant.now().getEpochSecond();
        api.send(
                        "POST",
                        "/api/v1/webhooks/voice/vapi/" + site.key(),
                        null,
                        body.replace("in-progress", "ended"),
                        Map.of("x-timestamp", "" + ts, "x-signature", hmacHex(site.secret(), ts + "." + body)))
                .expectError(401, "UNAUTHORIZED");
        api.send("POST", "/api/v1/webhooks/voice/vapi/unknown-site-key-xyz", null, body, Map.of("X-Vapi-Secret", "x"))
                .expect(404);
        assertThat(api.get("/api/v1/calls", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        // the right HMAC in milliseconds (and with a sha256= prefix) holds
        long millis = Instant.now().toEpochMilli();
        api.send(
                        "POST",
                        "/api/v1/webhooks/voice/vapi/" + site.key(),
                        null,
                        body,
                        Map.of(
                                "x-timestamp",
                                "" + millis,
                                "x-signature",
                                "sha256=" + hmacHex(site.secret(), millis + "." + body)))
                .expect(200);
        JsonNode calls =
                api.get("/api/v1/calls", admin.accessToken()).expect(200).json().path("data");
        assertThat(calls.size()).isEqualTo(1);
        assertThat(calls.get(0).path("status").asText()).isEqualTo("in-progress");
        assertThat(calls.get(0).path("providerCallId").asText()).isEqualTo("call_refused");
    }

    @Test
    void callFromANewCallerBecomesContactLeadAndTimelineThenIsKnownNextTime() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Phone leads"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Site site = site(api, admin, campaign);
        JsonNode settings = api.put(
                        "/api/v1/sites/" + site.id() + "/voice",
                        admin.accessToken(),
                        Map.of("assistantId", "asst_prime", "tools", List.of("lookup_contact", "book_callback")))
                .expect(200)
                .json();
        assertThat(settings.path("endpoint").asText()).isEqualTo("/api/v1/webhooks/voice/vapi/" + site.key());
        api.put("/api/v1/sites/" + site.id() + "/voice", admin.accessToken(), Map.of("tools", List.of("rm_rf")))
                .expectError(400, "VALIDATION_ERROR");
        String number = "+1415555" + String.format("%04d", (int) (Math.random() * 10000));

        // assistant-request from an unknown caller: the assistant, and what we know (nothing yet)
        String request = "{\"message\":{\"type\":\"assistant-request\",\"timestamp\":"
                + Instant.now().toEpochMilli()
                + ",\"call\":" + call("call_1", number)
                + ",\"phoneNumber\":{\"id\":\"pn_1\",\"number\":\"+14155550000\"},"
                + "\"customer\":{\"number\":\"" + number + "\"}}}";
        JsonNode answer =
                withSecret(api, site, site.secret(), request).expect(200).json();
        assertThat(answer.path("assistantId").asText()).isEqualTo("asst_prime");
        JsonNode vars = answer.path("assistantOverrides").path("variableValues");
        assertThat(vars.path("knownCaller").asText()).isEqualTo("false");
        assertThat(vars.path("callerNumber").asText()).isEqualTo(number);

        // status-update, then tool calls: configured ones answered, others refused with an error
        signed(
                        api,
                        site,
                        site.secret(),
                        Instant.now().getEpochSecond(),
                        "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":"
                                + call("call_1", number) + "}}")
                .expect(200);
        String tools =
                "{\"message\":{\"type\":\"tool-calls\",\"call\":" + call("call_1", number) + ",\"toolCallList\":["
                        + "{\"id\":\"tc_1\",\"type\":\"function\",\"function\":{\"name\":\"book_callback\",\"arguments\":"
                        + "{\"time\":\"tomorrow 10am\",\"note\":\"Quote for rewiring\"}}},"
                        + "{\"id\":\"tc_2\",\"type\":\"function\",\"function\":{\"name\":\"lookup_contact\",\"arguments\":\"{}\"}},"
                        + "{\"id\":\"tc_3\",\"type\":\"function\",\"function\":{\"name\":\"transfer_money\",\"arguments\":{}}}]}}";
        JsonNode results =
                withSecret(api, site, site.secret(), tools).expect(200).json().path("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).path("toolCallId").asText()).isEqualTo("tc_1");
        assertThat(results.get(0).path("result").asText()).contains("tomorrow 10am");
        assertThat(results.get(1).path("toolCallId").asText()).isEqualTo("tc_2");
        assertThat(results.get(1).path("result").asText()).contains("\"knownCaller\":\"false\"");
        assertThat(results.get(2).path("toolCallId").asText()).isEqualTo("tc_3");
        assertThat(results.get(2).has("result")).isFalse();
        assertThat(results.get(2).path("error").asText()).contains("transfer_money");

        // end-of-call-report, current shape: transcript and recording under artifact, summary under analysis
        String report = "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
                + "\"call\":" + call("call_1", number) + ",\"customer\":{\"number\":\"" + number + "\"},"
                + "\"startedAt\":\"2026-03-02T10:00:00.000Z\",\"endedAt\":\"2026-03-02T10:03:25.500Z\","
                + "\"cost\":0.1834,\"analysis\":{\"summary\":\"Wants a quote to rewire a kitchen.\","
                + "\"successEvaluation\":\"true\"},\"artifact\":{\"transcript\":\"AI: Prime Electrical, how can I help?\\n"
                + "User: I need my kitchen rewired.\",\"messages\":[],\"recordingUrl\":"
                + "\"https://storage.vapi.ai/call_1-mono.wav\",\"stereoRecordingUrl\":"
                + "\"https://storage.vapi.ai/call_1-stereo.wav\"}}}";
        withSecret(api, site, site.secret(), report).expect(200);
        withSecret(api, site, site.secret(), report).expect(200); // sent twice: one call, one contact
        JsonNode listed =
                api.get("/api/v1/calls", admin.accessToken()).expect(200).json();
        assertThat(listed.path("data").size()).isEqualTo(1);
        String callId = listed.path("data").get(0).path("id").asText();
        JsonNode logged = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/v1/calls/" + callId, admin.accessToken())
                                .expect(200)
                                .json(),
                        c -> !c.path("contactId").isNull() && c.hasNonNull("contactId"));
        assertThat(logged.path("durationSeconds").asLong()).isEqualTo(205);
        assertThat(logged.path("endedReason").asText()).isEqualTo("customer-ended-call");
        assertThat(logged.path("summary").asText()).isEqualTo("Wants a quote to rewire a kitchen.");
        assertThat(logged.path("transcript").asText()).contains("kitchen rewired");
        assertThat(logged.path("recordingUrl").asText()).isEqualTo("https://storage.vapi.ai/call_1-mono.wav");
        assertThat(logged.path("cost").decimalValue()).isEqualByComparingTo("0.1834");
        assertThat(logged.path("status").asText()).isEqualTo("ended");
        assertThat(logged.path("callbackAt").asText()).isEqualTo("tomorrow 10am");
        assertThat(listed.path("data").get(0).path("transcript").isNull()).isTrue();
        String contactId = logged.path("contactId").asText();
        JsonNode contact = api.get("/api/v1/contacts/" + contactId, admin.accessToken())
                .expect(200)
                .json();
        assertThat(contact.path("phone").asText()).isEqualTo(number);
        assertThat(contact.path("campaigns").size()).isEqualTo(1);
        assertThat(contact.path("campaigns").get(0).path("campaignId").asText()).isEqualTo(campaign);
        assertThat(logged.path("leadId").asText())
                .isEqualTo(contact.path("campaigns").get(0).path("leadId").asText());
        JsonNode timeline = api.get("/api/v1/contacts/" + contactId + "/timeline", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(timeline.findValues("kind").stream().map(JsonNode::asText)).contains("CALL");

        // the next call, older top-level report shape: same contact, no second lead; the assistant knows them now
        JsonNode known = withSecret(api, site, site.secret(), request.replace("call_1", "call_2"))
                .expect(200)
                .json()
                .path("assistantOverrides")
                .path("variableValues");
        assertThat(known.path("knownCaller").asText()).isEqualTo("true");
        assertThat(known.path("openLeads").asText()).contains("Phone leads");
        assertThat(known.path("lastInteractions").asText()).contains("rewire a kitchen");
        String older = "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"assistant-ended-call\","
                + "\"call\":" + call("call_2", number) + ",\"startedAt\":\"2026-03-03T09:00:00Z\","
                + "\"endedAt\":\"2026-03-03T09:01:00Z\",\"cost\":0.05,\"summary\":\"Confirmed the visit.\","
                + "\"transcript\":\"AI: Hello again.\",\"recordingUrl\":\"https://storage.vapi.ai/call_2.wav\","
                + "\"messages\":[]}}";
        signed(api, site, site.secret(), Instant.now().getEpochSecond(), older).expect(200);
        JsonNode second = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/v1/calls?contactId=" + contactId, admin.accessToken())
                                .expect(200)
                                .json()
                                .path("data"),
                        d -> d.size() == 2);
        JsonNode call2 = api.get("/api/v1/calls/" + second.get(0).path("id").asText(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(call2.path("providerCallId").asText()).isEqualTo("call_2");
        assertThat(call2.path("durationSeconds").asLong()).isEqualTo(60);
        assertThat(call2.path("summary").asText()).isEqualTo("Confirmed the visit.");
        assertThat(call2.path("transcript").asText()).isEqualTo("AI: Hello again.");
        assertThat(call2.path("recordingUrl").asText()).isEqualTo("https://storage.vapi.ai/call_2.wav");
        assertThat(api.get("/api/v1/contacts/" + contactId, admin.accessToken())
                        .json()
                        .path("campaigns")
                        .size())
                .isEqualTo(1);

        // a paused site: the assistant speaks the unavailable message
        api.patch("/api/v1/sites/" + site.id(), admin.accessToken(), Map.of("paused", true))
                .expect(200);
        JsonNode paused = withSecret(api, site, site.secret(), request.replace("call_1", "call_3"))
                .expect(200)
                .json();
        assertThat(paused.has("assistantId")).isFalse();
        assertThat(paused.path("error").asText()).isNotBlank();

        // the calls page lists it; the call's page shows transcript, summary and the recording link; the contact
        // page shows the call on the timeline
        var page = ai.revo.missioncontrol.support.PageClient.signIn(port, admin.email(), admin.password());
        var list = page.get("/calls");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("data-testid=\"call-row\"").contains("rewire a kitchen");
        var one = page.get("/calls/" + callId);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains("I need my kitchen rewired.")
                .contains("href=\"https://storage.vapi.ai/call_1-mono.wav\"")
                .contains("205 s")
                .contains("tomorrow 10am");
        assertThat(page.get("/contacts/" + contactId).body()).contains("data-testid=\"timeline-call\"");

        // a viewer reads calls; only an admin changes the voice settings
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.get("/api/v1/calls/" + callId, viewer.accessToken()).expect(200);
        api.put("/api/v1/sites/" + site.id() + "/voice", viewer.accessToken(), Map.of("tools", List.of()))
                .expectError(403, "FORBIDDEN");
    }
}

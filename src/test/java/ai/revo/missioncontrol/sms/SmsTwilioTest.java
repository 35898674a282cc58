package ai.revo.missioncontrol.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SMS over Twilio through the gateway: the send as Twilio documents it, dry run, errors and signed callbacks. */
class SmsTwilioTest extends SmsIntegrationTest {

    @Autowired
    SafetyManagement safety;

    static String messagesPath(Workspace w) {
        return "/2010-04-01/Accounts/" + w.accountSid() + "/Messages.json";
    }

    /** Twilio's 201 answer to a new message, as its API reference shows it. */
    static String created(Workspace w, String sid, String to, String body) {
        return "{\"account_sid\":\"" + w.accountSid() + "\",\"api_version\":\"2010-04-01\",\"body\":\"" + body
                + "\",\"date_created\":\"Thu, 03 Dec 2026 10:00:00 +0000\",\"date_sent\":null,"
                + "\"date_updated\":\"Thu, 03 Dec 2026 10:00:00 +0000\",\"direction\":\"outbound-api\","
                + "\"error_code\":null,\"error_message\":null,\"from\":\"+15005550006\",\"messaging_service_sid\":null,"
                + "\"num_media\":\"0\",\"num_segments\":\"1\",\"price\":null,\"price_unit\":\"USD\",\"sid\":\"" + sid
                + "\",\"status\":\"queued\",\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/" + w.accountSid()
                + "/Messages/" + sid + "/Media.json\"},\"to\":\"" + to + "\",\"uri\":\"/2010-04-01/Accounts/"
                + w.accountSid() + "/Messages/" + sid + ".json\"}";
    }

    /** Twilio's error object. */
    static String error(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
    }

    void answer(Workspace w, int status, String body) {
        TWILIO.stubFor(post(urlPathEqualTo(messagesPath(w)))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    JsonNode send(Workspace w, String to, String key) {
        return api().post(
                        "/api/v1/outbound/test",
                        w.admin().accessToken(),
                        Map.of("channel", "SMS", "to", to, "body", "Your table is ready", "idempotencyKey", key))
                .expect(200)
                .json();
    }

    JsonNode message(Workspace w, String id) {
        return api().get("/api/v1/outbound/" + id, w.admin().accessToken())
                .expect(200)
                .json();
    }

    @Test
    void settingsKeepTheTokenSealedAndShowOnlyItsLastFour() {
        Workspace w = connected();
        JsonNode got = api().get("/api/v1/settings/sms", w.admin().accessToken())
                .expect(200)
                .json();
        assertThat(got.path("connected").asBoolean()).isTrue();
        assertThat(got.path("account").path("accountSid").asText()).isEqualTo(w.accountSid());
        assertThat(got.path("account").path("authTokenLast4").asText())
                .isEqualTo(w.authToken().substring(w.authToken().length() - 4));
        assertThat(got.toString()).doesNotContain(w.authToken());
        assertThat(got.path("account").path("webhookUrl").asText()).contains("/api/v1/webhooks/sms/twilio/");
        String sealed = db().sql("select auth_token_sealed from sms_accounts where account_sid = ?")
                .param(w.accountSid())
                .query(String.class)
                .single();
        assertThat(sealed).doesNotContain(w.authToken());
        // bad values are 400 naming the field; nothing changes
        api().put(
                        "/api/v1/settings/sms",
                        w.admin().accessToken(),
                        Map.of("accountSid", "AC123", "fromNumber", "+15005550006"))
                .expectError(400, "VALIDATION_ERROR");
        api().put(
                        "/api/v1/settings/sms",
                        w.admin().accessToken(),
                        Map.of("accountSid", w.accountSid(), "fromNumber", "0044 7700 900"))
                .expectError(400, "VALIDATION_ERROR");
        // a new workspace needs the token
        Api2 fresh = new Api2(api().signup());
        api().put(
                        "/api/v1/settings/sms",
                        fresh.s().accessToken(),
                        Map.of("accountSid", w.accountSid(), "fromNumber", "+15005550006"))
                .expectError(400, "VALIDATION_ERROR");
        // the token may be kept while the sender changes
        JsonNode changed = api().put(
                        "/api/v1/settings/sms",
                        w.admin().accessToken(),
                        Map.of(
                                "accountSid",
                                w.accountSid(),
                                "messagingServiceSid",
                                "MG" + "0123456789abcdef0123456789abcdef",
                                "fromNumber",
                                ""))
                .expect(200)
                .json();
        assertThat(changed.path("messagingServiceSid").asText()).startsWith("MG");
        assertThat(changed.path("fromNumber").isNull()).isTrue();
        assertThat(changed.path("authTokenLast4").asText())
                .isEqualTo(got.path("account").path("authTokenLast4").asText());
    }

    record Api2(ai.revo.missioncontrol.support.Api.Session s) {}

    @Test
    void sendsFormEncodedWithBasicAuthAsTwilioDocumentsAndCallbacksMoveTheReceipt() {
        Workspace w = connected();
        sendForReal(w);
        String sid = messageSid();
        answer(w, 201, created(w, sid, "+14155550142", "Your table is ready"));
        JsonNode sent = send(w, "+14155550142", "sms-1");
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo(sid);
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((w.accountSid() + ":" + w.authToken()).getBytes(StandardCharsets.UTF_8));
        TWILIO.verify(
                1,
                postRequestedFor(urlPathEqualTo(messagesPath(w)))
                        .withHeader("Authorization", equalTo(basic))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withFormParam("To", equalTo("+14155550142"))
                        .withFormParam("From", equalTo("+15005550006"))
                        .withFormParam("Body", equalTo("Your table is ready"))
                        .withFormParam("StatusCallback", equalTo(w.webhookUrl())));
        // the same key again sends nothing more
        assertThat(send(w, "+14155550142", "sms-1").path("id").asText())
                .isEqualTo(sent.path("id").asText());
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(messagesPath(w))));

        assertThat(statusCallback(w, sid, "sent", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> message(w, sent.path("id").asText())
                                .path("deliveryStatus")
                                .asText(),
                        "SENT"::equals);
        HttpResponse<String> delivered = statusCallback(w, sid, "delivered", null);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).contains("<Response></Response>");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> message(w, sent.path("id").asText())
                                .path("deliveryStatus")
                                .asText(),
                        "DELIVERED"::equals);
        // Twilio repeating a callback stores it once; a late "sent" never moves it back
        assertThat(statusCallback(w, sid, "delivered", null).statusCode()).isEqualTo(200);
        assertThat(statusCallback(w, sid, "sent", null).statusCode()).isEqualTo(200);
        assertThat(db().sql("select count(*) from sms_webhook_events where message_sid = ?")
                        .param(sid)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> db().sql("select count(*) from sms_webhook_events where message_sid = ? and status ="
                                        + " 'PROCESSED'")
                                .param(sid)
                                .query(Long.class)
                                .single(),
                        n -> n == 2);
        assertThat(message(w, sent.path("id").asText()).path("deliveryStatus").asText())
                .isEqualTo("DELIVERED");
    }

    @Test
    void undeliveredCallbackFailsTheMessageWithTwiliosErrorCode() {
        Workspace w = connected();
        sendForReal(w);
        String sid = messageSid();
        answer(w, 201, created(w, sid, "+14155550143", "Your table is ready"));
        JsonNode sent = send(w, "+14155550143", "sms-undelivered");
        assertThat(statusCallback(w, sid, "undelivered", "30003").statusCode()).isEqualTo(200);
        JsonNode failed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> message(w, sent.path("id").asText()),
                        m -> m.path("status").asText().equals("FAILED"));
        assertThat(failed.path("deliveryStatus").asText()).isEqualTo("FAILED");
        assertThat(failed.path("reason").asText()).contains("undelivered").contains("30003");
    }

    @Test
    void dryRunByDefaultSimulatesAndSendsNothing() {
        Workspace w = connected();
        JsonNode simulated = send(w, "+14155550144", "sms-dry");
        assertThat(simulated.path("status").asText()).isEqualTo("SIMULATED");
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(messagesPath(w))));
        // dry run off but the SMS switch off: blocked, still nothing sent
        api().patch(
                        "/api/v1/settings/safety",
                        w.admin().accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("SMS", false)))
                .expect(200);
        assertThat(send(w, "+14155550144", "sms-off").path("status").asText()).isEqualTo("BLOCKED_CHANNEL_OFF");
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(messagesPath(w))));
    }

    @Test
    void aRecipientNotInE164IsAClear400AndNothingIsRecorded() {
        Workspace w = connected();
        sendForReal(w);
        for (String bad : new String[] {"4155550142", "+0415555", "+1 415 555 0142", "call me"}) {
            api().post(
                            "/api/v1/outbound/test",
                            w.admin().accessToken(),
                            Map.of("channel", "SMS", "to", bad, "body", "Hi", "idempotencyKey", "bad-" + bad))
                    .expectError(400, "VALIDATION_ERROR");
        }
        assertThat(api().get("/api/v1/outbound?channel=SMS", w.admin().accessToken())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(messagesPath(w))));
    }

    @Test
    void unsubscribedRecipientIsSuppressedAndNeverTriedAgain() {
        Workspace w = connected();
        sendForReal(w);
        answer(w, 400, error(21610, "Attempt to send to unsubscribed recipient", 400));
        JsonNode refused = send(w, "+14155550145", "sms-stop-1");
        assertThat(refused.path("status").asText()).isEqualTo("BLOCKED_SUPPRESSED");
        assertThat(refused.path("reason").asText()).contains("21610");
        assertThat(safety.isSuppressed(TenantId.of(w.admin().tenantId()), Channel.SMS, "+14155550145"))
                .isTrue();
        assertThat(send(w, "+14155550145", "sms-stop-2").path("status").asText())
                .isEqualTo("BLOCKED_SUPPRESSED");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(messagesPath(w))));
    }

    @Test
    void twilioErrorsAreMappedToHonestOutcomes() {
        Workspace w = connected();
        sendForReal(w);
        answer(w, 401, error(20003, "Authenticate", 401));
        JsonNode auth = send(w, "+14155550146", "sms-auth");
        assertThat(auth.path("status").asText()).isEqualTo("BLOCKED_NOT_CONFIGURED");
        assertThat(auth.path("reason").asText()).contains("20003");
        answer(w, 400, error(21211, "Invalid 'To' Phone Number: +14155550147", 400));
        JsonNode invalid = send(w, "+14155550147", "sms-invalid");
        assertThat(invalid.path("status").asText()).isEqualTo("FAILED");
        assertThat(invalid.path("reason").asText()).contains("21211").contains("Invalid 'To' Phone Number");
        answer(w, 429, error(20429, "Too Many Requests", 429));
        JsonNode limited = send(w, "+14155550148", "sms-429");
        assertThat(limited.path("status").asText()).isEqualTo("FAILED");
        assertThat(limited.path("reason").asText()).contains("20429").contains("gave up after 2 retries");
        // one try, then two more
        TWILIO.verify(
                3, postRequestedFor(urlPathEqualTo(messagesPath(w))).withFormParam("To", equalTo("+14155550148")));
    }

    @Test
    void callbacksWithoutAValidSignatureAreRefusedAndStoreNothing() {
        Workspace w = connected();
        String sid = messageSid();
        Map<String, String> p = statusParams(w, sid, "delivered", null);
        String url = localUrl(w);
        String good = sign(w.authToken(), url, p);
        // no signature, a wrong one, another token's, a tampered parameter, another workspace's key
        assertThat(postForm(url, p, null).statusCode()).isEqualTo(403);
        assertThat(postForm(url, p, "bm90LWEtc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        assertThat(postForm(url, p, sign("another-token-0123456789", url, p)).statusCode())
                .isEqualTo(403);
        Map<String, String> tampered = new java.util.LinkedHashMap<>(p);
        tampered.put("MessageStatus", "failed");
        assertThat(postForm(url, tampered, good).statusCode()).isEqualTo(403);
        Workspace other = connected();
        assertThat(postForm(localUrl(other), p, good).statusCode()).isEqualTo(403);
        assertThat(postForm(url.substring(0, url.lastIndexOf('/') + 1) + "0".repeat(32), p, good)
                        .statusCode())
                .isEqualTo(403);
        assertThat(db().sql("select count(*) from sms_webhook_events where message_sid = ?")
                        .param(sid)
                        .query(Long.class)
                        .single())
                .isZero();
        // the genuine one is stored
        HttpResponse<String> ok = postForm(url, p, good);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(db().sql("select count(*) from sms_webhook_events where message_sid = ?")
                        .param(sid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}

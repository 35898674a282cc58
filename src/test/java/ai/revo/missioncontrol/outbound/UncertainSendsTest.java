package ai.revo.missioncontrol.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyChange;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A message whose provider call started and never recorded an outcome (its node died) becomes UNKNOWN on every
 * channel, never SENT and never stuck in SENDING; a person marks it sent or sends it again, through the API.
 */
class UncertainSendsTest extends IntegrationTest {

    @Autowired
    OutboundGateway gateway;

    @Autowired
    SafetyManagement safety;

    private static final Actor OPERATOR = Actor.user(UUID.randomUUID(), "operator@example.com");

    /** What a node that died between its decision and the provider's answer leaves behind: SENDING, long ago. */
    private void diedMidSend(UUID id) throws Exception {
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement("update outbound_messages set status = 'SENDING', "
                        + "sent_at = null, provider_message_id = null, provider_response = null, "
                        + "decided_at = now() - interval '10 minutes', updated_at = now() - interval '10 minutes' "
                        + "where id = ?")) {
            s.setObject(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static OutboundMessage sms(String key) {
        return new OutboundMessage(
                Channel.SMS, "+14165550199", null, "Your order shipped", null, null, null, key, OPERATOR);
    }

    private static List<String> types(Api api, String token, UUID entity) {
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=outbound.&entityId=" + entity + "&order=asc", token)
                .expect(200)
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void anSmsWhoseNodeDiedMidSendBecomesUnknownAndASecondSubmissionNeverSendsIt() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId t = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(t);
        safety.change(t, new SafetyChange(Optional.of(false), Optional.of(false), Map.of(Channel.SMS, true)), OPERATOR);
        OutboundView first = gateway.submit(t, sms("sms-lost"));
        assertThat(first.status()).isEqualTo(OutboundStatus.SENT);
        diedMidSend(first.id());

        // the cluster task finds it: UNKNOWN with the reason, never SENT, never sent again
        assertThat(gateway.declareLostOutcomes()).isGreaterThanOrEqualTo(1);
        JsonNode stored = api.get("/api/v1/outbound/" + first.id(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(stored.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(stored.path("reason").asText()).contains("outcome was never recorded");
        assertThat(gateway.submit(t, sms("sms-lost")).status()).isEqualTo(OutboundStatus.UNKNOWN);
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
        assertThat(api.get("/api/v1/outbound?status=UNKNOWN", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);

        // send again: audited, and the gateway sends it once more under <key>:again, through every check
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.post("/api/v1/outbound/" + first.id() + "/send-again", viewer.accessToken(), Map.of())
                .expect(403);
        JsonNode resolved = api.post("/api/v1/outbound/" + first.id() + "/send-again", admin.accessToken(), Map.of())
                .expect(200)
                .json();
        assertThat(resolved.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(resolved.path("resolution").asText()).isEqualTo("SENT_AGAIN");
        assertThat(resolved.path("resolvedBy").asText()).isEqualTo(admin.email());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/outbound?status=SENT", admin.accessToken())
                                .json()
                                .path("data")
                                .size()
                        == 1);
        JsonNode again = api.get("/api/v1/outbound?status=SENT", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(again.path("idempotencyKey").asText()).isEqualTo("sms-lost:again");
        api.post("/api/v1/outbound/" + first.id() + "/send-again", admin.accessToken(), Map.of())
                .expectError(409, "CONFLICT");
        api.post("/api/v1/outbound/" + first.id() + "/mark-sent", admin.accessToken(), Map.of())
                .expectError(409, "CONFLICT");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> types(api, admin.accessToken(), first.id()).contains("outbound.sent_again"));
        assertThat(types(api, admin.accessToken(), first.id()))
                .containsSubsequence("outbound.sent", "outbound.outcome_lost", "outbound.sent_again");
        JsonNode audit = api.get("/api/v1/audit?action=outbound.sent_again", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(audit).hasSize(1);
        assertThat(RecordingAdapters.sentFor(t)).hasSize(2);
    }

    @Test
    void aSendHandedOverWithoutAnAnswerIsUnknownNotFailedAndIsNeverSentAgainByItself() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId t = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(t);
        RecordingAdapters.UNANSWERED.add(t);
        safety.change(t, new SafetyChange(Optional.of(false), Optional.of(false), Map.of(Channel.SMS, true)), OPERATOR);
        OutboundView first = gateway.submit(t, sms("sms-unanswered"));
        assertThat(first.status()).isEqualTo(OutboundStatus.UNKNOWN);
        assertThat(first.reason()).contains("handed over, no answer");
        RecordingAdapters.UNANSWERED.remove(t);
        assertThat(gateway.submit(t, sms("sms-unanswered")).status()).isEqualTo(OutboundStatus.UNKNOWN);
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> types(api, admin.accessToken(), first.id()).contains("outbound.outcome_lost"));
    }

    @Test
    void anUnknownMessageMarkedSentIsSentAndNothingGoesOut() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId t = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(t);
        safety.change(
                t, new SafetyChange(Optional.of(false), Optional.of(false), Map.of(Channel.WHATSAPP, true)), OPERATOR);
        OutboundView first = gateway.submit(
                t,
                new OutboundMessage(
                        Channel.WHATSAPP, "+14165550123", null, "Hello", null, null, null, "wa-lost", OPERATOR));
        diedMidSend(first.id());
        // a repeated submission of the key finds it overdue: UNKNOWN at once, not after the in-flight wait
        assertThat(gateway.submit(
                                t,
                                new OutboundMessage(
                                        Channel.WHATSAPP,
                                        "+14165550123",
                                        null,
                                        "Hello",
                                        null,
                                        null,
                                        null,
                                        "wa-lost",
                                        OPERATOR))
                        .status())
                .isEqualTo(OutboundStatus.UNKNOWN);
        api.post("/api/v1/outbound/" + UUID.randomUUID() + "/mark-sent", admin.accessToken(), Map.of())
                .expectError(404, "NOT_FOUND");
        JsonNode marked = api.post("/api/v1/outbound/" + first.id() + "/mark-sent", admin.accessToken(), Map.of())
                .expect(200)
                .json();
        assertThat(marked.path("status").asText()).isEqualTo("SENT");
        assertThat(marked.path("resolution").asText()).isEqualTo("MARKED_SENT");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> types(api, admin.accessToken(), first.id()).contains("outbound.marked_sent"));
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
        // a message that is not UNKNOWN cannot be resolved
        OutboundView fine = gateway.submit(
                t,
                new OutboundMessage(
                        Channel.WHATSAPP, "+14165550124", null, "Hello", null, null, null, "wa-fine", OPERATOR));
        api.post("/api/v1/outbound/" + fine.id() + "/send-again", admin.accessToken(), Map.of())
                .expectError(409, "CONFLICT");
    }
}

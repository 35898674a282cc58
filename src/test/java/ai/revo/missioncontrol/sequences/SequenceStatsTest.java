package ai.revo.missioncontrol.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.email.EmailTracking;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GET /api/v1/sequences/{id}/stats on a real run: an A/B step sent to ten leads per variant, replies recorded on
 * eight of A's emails and one of B's, then winner-takes-all giving the next leads A.
 */
class SequenceStatsTest extends IntegrationTest {

    @Autowired
    EmailTracking tracking;

    private String t;
    private String campaign;

    private String newLead() {
        return api().post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("email", Api.uniqueEmail("seq-stats"), "firstName", "Ada")))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    /** New leads until {@code perVariant} of each variant (by the split's hash) are found. */
    private Map<UUID, List<String>> leadsPerVariant(UUID step, List<SequenceView.Variant> variants, int perVariant) {
        Map<UUID, List<String>> chosen = new HashMap<>();
        variants.forEach(v -> chosen.put(v.id(), new ArrayList<>()));
        while (chosen.values().stream().anyMatch(l -> l.size() < perVariant)) {
            String lead = newLead();
            UUID v = Split.pick(UUID.fromString(lead), step, variants).id();
            if (chosen.get(v).size() < perVariant) {
                chosen.get(v).add(lead);
            }
        }
        return chosen;
    }

    private JsonNode stats(String sequence) {
        return api().get("/api/v1/sequences/" + sequence + "/stats", t)
                .expect(200)
                .json();
    }

    private List<JsonNode> emails() {
        List<JsonNode> out = new ArrayList<>();
        api().get("/api/v1/emails?campaignId=" + campaign + "&limit=200", t)
                .expect(200)
                .json()
                .path("data")
                .forEach(out::add);
        return out;
    }

    private static JsonNode variant(JsonNode step, UUID id) {
        for (JsonNode v : step.path("variants")) {
            if (v.path("variantId").asText().equals(id.toString())) {
                return v;
            }
        }
        throw new AssertionError("no variant " + id);
    }

    @Test
    void ratesTheTestAndWinnerTakesAllFromARealRun() {
        Api.Session admin = api().signup();
        t = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        api().put("/api/v1/agent-settings", t, Map.of("autoApprove", List.of("SEQUENCE_STEP")))
                .expect(200);
        campaign = SequenceApiTest.campaign(api(), t);
        api().patch("/api/v1/campaigns/" + campaign + "/status", t, Map.of("status", "ACTIVE"))
                .expect(200);
        JsonNode created = api().post(
                        "/api/v1/sequences",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "name",
                                "A/B",
                                "winnerTakesAll",
                                Map.of("enabled", true, "minimumSends", 10, "significance", 0.05),
                                "steps",
                                List.of(Map.of(
                                        "kind",
                                        "EMAIL",
                                        "delay",
                                        Map.of("amount", 0, "unit", "HOURS"),
                                        "variants",
                                        List.of(
                                                Map.of("subject", "Variant A for {{firstName}}", "body", "<p>A</p>"),
                                                Map.of(
                                                        "subject",
                                                        "Variant B for {{firstName}}",
                                                        "body",
                                                        "<p>B</p>"))))))
                .expect(201)
                .json();
        String sequence = created.path("id").asText();
        JsonNode step = created.path("steps").get(0);
        UUID stepId = UUID.fromString(step.path("id").asText());
        List<SequenceView.Variant> variants = new ArrayList<>();
        step.path("variants")
                .forEach(v -> variants.add(new SequenceView.Variant(
                        UUID.fromString(v.path("id").asText()),
                        1,
                        v.path("subject").asText(),
                        null,
                        null)));
        UUID a = variants.get(0).id();
        UUID b = variants.get(1).id();

        // before anything ran: zeros, rates null, not enough data
        JsonNode empty = stats(sequence);
        assertThat(empty.path("enrolled").asLong()).isZero();
        assertThat(empty.path("steps").get(0).path("counts").path("replyRate").isNull())
                .isTrue();
        assertThat(empty.path("steps").get(0).path("abTest").path("verdict").asText())
                .isEqualTo("NOT_ENOUGH_DATA");

        api().patch("/api/v1/sequences/" + sequence, t, Map.of("status", "ACTIVE"))
                .expect(200);
        Map<UUID, List<String>> leads = leadsPerVariant(stepId, variants, 10);
        List<String> all = new ArrayList<>(leads.get(a));
        all.addAll(leads.get(b));
        api().post("/api/v1/sequences/" + sequence + "/enrolments", t, Map.of("leadIds", all))
                .expect(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> stats(sequence)
                                .path("steps")
                                .get(0)
                                .path("counts")
                                .path("sent")
                                .asLong()
                        == 20);

        // replies on eight of A's emails and one of B's; an open on two of B's
        Map<String, UUID> emailOfLead = new HashMap<>();
        emails().forEach(e -> emailOfLead.put(
                e.path("leadId").asText(), UUID.fromString(e.path("id").asText())));
        for (int i = 0; i < 8; i++) {
            tracking.recordReply(tenant, emailOfLead.get(leads.get(a).get(i)), "Re: A", "Tell me more");
        }
        tracking.recordReply(tenant, emailOfLead.get(leads.get(b).get(0)), "Re: B", "Tell me more");
        tracking.recordOpen(tenant, emailOfLead.get(leads.get(b).get(1)), "PIXEL", "test");
        tracking.recordOpen(tenant, emailOfLead.get(leads.get(b).get(2)), "PIXEL", "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode s = stats(sequence).path("steps").get(0).path("counts");
            return s.path("replied").asLong() == 9 && s.path("opened").asLong() >= 2;
        });

        JsonNode s1 = stats(sequence).path("steps").get(0);
        assertThat(stats(sequence).path("enrolled").asLong()).isEqualTo(20);
        assertThat(s1.path("counts").path("reached").asLong()).isEqualTo(20);
        assertThat(s1.path("counts").path("replyRate").asDouble()).isCloseTo(0.45, within(1e-9));
        JsonNode va = variant(s1, a);
        JsonNode vb = variant(s1, b);
        assertThat(va.path("counts").path("sent").asLong()).isEqualTo(10);
        assertThat(va.path("counts").path("replied").asLong()).isEqualTo(8);
        assertThat(va.path("counts").path("replyRate").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(vb.path("counts").path("sent").asLong()).isEqualTo(10);
        assertThat(vb.path("counts").path("replied").asLong()).isEqualTo(1);
        assertThat(vb.path("counts").path("replyRate").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(vb.path("counts").path("opened").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode test = s1.path("abTest");
        assertThat(test.path("verdict").asText()).isEqualTo("SIGNIFICANT");
        JsonNode replies = test.path("metrics").get(0);
        assertThat(replies.path("metric").asText()).isEqualTo("REPLY_RATE");
        assertThat(replies.path("leader").asText()).isEqualTo(a.toString());
        // pooled 9/20, z = 0.7 / sqrt(0.45 * 0.55 * 0.2) = 3.1463, two-sided p = 0.0016537
        assertThat(replies.path("comparisons").get(0).path("z").asDouble()).isCloseTo(3.146266, within(1e-5));
        assertThat(replies.path("comparisons").get(0).path("pValue").asDouble()).isCloseTo(0.0016537, within(1e-6));
        assertThat(test.path("winner").isNull()).isTrue();

        // the next leads, even those the split would give B, get the winner A
        Map<UUID, List<String>> more = leadsPerVariant(stepId, variants, 2);
        List<String> later = new ArrayList<>(more.get(b));
        api().post("/api/v1/sequences/" + sequence + "/enrolments", t, Map.of("leadIds", later))
                .expect(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stats(sequence)
                                .path("steps")
                                .get(0)
                                .path("counts")
                                .path("reached")
                                .asLong()
                        == 22);
        JsonNode s2 = stats(sequence).path("steps").get(0);
        assertThat(s2.path("abTest").path("winner").asText()).isEqualTo(a.toString());
        assertThat(variant(s2, a).path("winner").asBoolean()).isTrue();
        assertThat(variant(s2, a).path("counts").path("reached").asLong()).isEqualTo(12);
        assertThat(variant(s2, b).path("counts").path("reached").asLong()).isEqualTo(10);
        List<JsonNode> drafts = new ArrayList<>();
        api().get("/api/v1/drafts?campaignId=" + campaign + "&limit=200", t)
                .expect(200)
                .json()
                .path("data")
                .forEach(drafts::add);
        assertThat(drafts.stream()
                        .filter(d -> later.contains(d.path("leadId").asText()))
                        .map(d -> d.path("subject").asText()))
                .containsOnly("Variant A for Ada");
        assertThat(api().get("/api/v1/events/feed?type=sequence.winner_declared", t)
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
    }
}

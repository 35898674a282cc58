package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several drafts of a DRAFT campaign approved at the same moment: each approval's email is queued exactly once and
 * the campaign is activated once (the activation used to fail all but one queueing on the campaign's optimistic
 * lock, and those emails were never queued).
 */
class ApprovedEmailConcurrencyTest extends EmailIntegrationTest {

    private static final int DRAFTS = 8;

    @Autowired
    EmailSending sending;

    @Test
    void everyEmailOfDraftsApprovedAtOnceIsQueuedExactlyOnceAndTheCampaignActivatesOnce() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post(
                        "/api/v1/campaigns",
                        t,
                        Map.of("name", "Race " + UUID.randomUUID().toString().substring(0, 8)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        assertThat(api.get("/api/v1/campaigns/" + campaign, t)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("DRAFT");
        Map<String, String> addressOfDraft = new HashMap<>();
        for (int i = 0; i < DRAFTS; i++) {
            String to = Api.uniqueEmail("race" + i);
            String lead = api.post(
                            "/api/v1/leads",
                            t,
                            Map.of("campaignId", campaign, "contact", Map.of("firstName", "Lena", "email", to)))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            String draft = api.post(
                            "/api/v1/drafts",
                            t,
                            Map.of(
                                    "campaignId",
                                    campaign,
                                    "leadId",
                                    lead,
                                    "channel",
                                    "EMAIL",
                                    "subject",
                                    "Hello " + i,
                                    "bodyText",
                                    "Hi Lena, number " + i + "."))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            api.patch("/api/v1/drafts/" + draft, t, Map.of("status", "NEEDS_APPROVAL"))
                    .expect(200);
            addressOfDraft.put(draft, to);
        }

        ExecutorService pool = Executors.newFixedThreadPool(DRAFTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> approvals = new ArrayList<>();
            for (String draft : addressOfDraft.keySet()) {
                approvals.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/drafts/" + draft + "/approve", t, null)
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> approval : approvals) {
                assertThat(approval.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode emails = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/api/v1/emails?campaignId=" + campaign + "&limit=100", t)
                                .expect(200)
                                .json()
                                .path("data"),
                        d -> d.size() >= DRAFTS);
        List<String> recipients = new ArrayList<>();
        emails.forEach(e -> {
            assertThat(e.path("source").asText()).isEqualTo("APPROVAL");
            recipients.add(e.path("toEmail").asText());
        });
        assertThat(recipients).containsExactlyInAnyOrderElementsOf(addressOfDraft.values());

        assertThat(api.get("/api/v1/campaigns/" + campaign, t)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        List<String> activations = new ArrayList<>();
        api.get("/api/v1/events/feed?type=campaign.activated&entityId=" + campaign, t)
                .expect(200)
                .json()
                .path("data")
                .forEach(e -> activations.add(e.path("type").asText()));
        assertThat(activations).containsExactly("campaign.activated");

        // a redelivered decision queues nothing more
        for (String draft : addressOfDraft.keySet()) {
            int version =
                    api.get("/api/v1/drafts/" + draft, t).json().path("version").asInt();
            assertThat(sending.queueApproved(
                            new TenantId(UUID.fromString(admin.tenantId())),
                            UUID.fromString(draft),
                            version,
                            Actor.system()))
                    .isEmpty();
        }
        assertThat(api.get("/api/v1/emails?campaignId=" + campaign + "&limit=100", t)
                        .json()
                        .path("data"))
                .hasSize(DRAFTS);
    }
}

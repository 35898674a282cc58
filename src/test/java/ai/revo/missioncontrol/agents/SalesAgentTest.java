package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sales agent: a deal proposed for each interested or booked lead without one, filed in the approval inbox, the
 * deal opened only on approval, with the lead's potential value or (none known) no amount until a person gives it.
 */
class SalesAgentTest extends IntegrationTest {

    static String lead(
            Api api, Api.Session s, String campaign, String first, String company, Object value, List<String> path) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaign);
        body.put(
                "contact",
                Map.of(
                        "firstName",
                        first,
                        "lastName",
                        "Test",
                        "email",
                        Api.uniqueEmail(first.toLowerCase()),
                        "company",
                        company));
        if (value != null) {
            body.put("potentialValue", value);
            body.put("currency", "EUR");
        }
        String id = api.post("/api/v1/leads", s.accessToken(), body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        for (String status : path) {
            api.patch("/api/v1/leads/" + id, s.accessToken(), Map.of("status", status))
                    .expect(200);
        }
        return id;
    }

    static final List<String> TO_INTERESTED = List.of("DRAFTED", "APPROVED", "CONTACTED", "REPLIED", "INTERESTED");

    static JsonNode proposalOf(Api api, Api.Session s, String leadId) {
        for (JsonNode p :
                api.get("/api/v1/deal-proposals", s.accessToken()).json().path("data")) {
            if (p.path("leadId").asText().equals(leadId)) {
                return p;
            }
        }
        return null;
    }

    static JsonNode awaitProposal(Api api, Api.Session s, String leadId, String status) {
        return org.awaitility.Awaitility.await("proposal of " + leadId + " " + status)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> proposalOf(api, s, leadId),
                        p -> p != null && p.path("status").asText().equals(status));
    }

    @Test
    void interestedAndBookedLeadsGetADealProposedThatOpensOnlyWhenAPersonApprovesIt() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session closer = api.addUser(admin, "CLOSER");
        String campaign = AgentPipelineTest.activeCampaign(api, admin, "Builders", List.of("EMAIL"));
        String ana = lead(api, admin, campaign, "Ana", "Acme Build", 12000, TO_INTERESTED);
        List<String> toBooked = new java.util.ArrayList<>(TO_INTERESTED);
        toBooked.add("BOOKED");
        String bob = lead(api, admin, campaign, "Bob", "Stone Works", null, toBooked);
        String cy = lead(api, admin, campaign, "Cy", "Cy Roofing", 500, TO_INTERESTED);
        String dee = lead(api, admin, campaign, "Dee", "Dee Tiles", 900, TO_INTERESTED);
        String eve = lead(
                api, admin, campaign, "Eve", "Eve Paints", 700, List.of("DRAFTED", "APPROVED", "CONTACTED", "REPLIED"));
        // Cy already has a deal, opened by hand
        api.post("/api/v1/deals", admin.accessToken(), Map.of("leadId", cy)).expect(201);

        JsonNode run = AgentPipelineTest.runAgent(api, admin, "sales_agent");

        assertThat(run.path("run").path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("run").path("output").path("dealsProposed").asInt()).isEqualTo(3);
        assertThat(run.path("run").path("output").path("withoutAmount").asInt()).isEqualTo(1);
        assertThat(run.path("run").path("output").path("skipped").asInt()).isEqualTo(1);
        Map<String, String> itemOutcome = new HashMap<>();
        run.path("items")
                .forEach(i -> itemOutcome.put(
                        i.path("itemId").asText(),
                        i.path("outcome").asText() + ": " + i.path("message").asText()));
        assertThat(itemOutcome.get(cy)).startsWith("SKIPPED").contains("already has a deal");
        assertThat(itemOutcome).doesNotContainKey(eve);

        // proposed, not opened: the only deal is Cy's
        assertThat(api.get("/api/v1/deals", admin.accessToken()).json().path("data"))
                .hasSize(1);
        JsonNode anaProposal = proposalOf(api, admin, ana);
        assertThat(anaProposal.path("status").asText()).isEqualTo("WAITING");
        assertThat(anaProposal.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("12000"));
        assertThat(anaProposal.path("currency").asText()).isEqualTo("EUR");
        assertThat(anaProposal.path("name").asText()).isEqualTo("Acme Build deal");
        assertThat(anaProposal.path("runId").asText())
                .isEqualTo(run.path("run").path("id").asText());
        JsonNode bobProposal = proposalOf(api, admin, bob);
        assertThat(bobProposal.path("amount").isNull()).isTrue();
        assertThat(bobProposal.path("currency").isNull()).isTrue();
        assertThat(bobProposal.path("amountNote").asText()).contains("No amount is known");
        // each is a draft waiting in the approval inbox, with no lead (so nothing is sent to the lead)
        JsonNode bobDraft = api.get(
                        "/api/v1/drafts/" + bobProposal.path("reviewDraftId").asText(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(bobDraft.path("status").asText()).isEqualTo("NEEDS_APPROVAL");
        assertThat(bobDraft.path("leadId").isNull()).isTrue();
        assertThat(bobDraft.toString())
                .contains("Deal proposal: Stone Works deal")
                .contains("Amount: none");

        // approving Ana's opens her deal in the first open stage with the lead's value
        api.post("/api/v1/drafts/" + anaProposal.path("reviewDraftId").asText() + "/approve", admin.accessToken(), null)
                .expect(200);
        JsonNode approved = awaitProposal(api, admin, ana, "APPROVED");
        JsonNode deal = api.get("/api/v1/deals/" + approved.path("dealId").asText(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(deal.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("12000"));
        assertThat(deal.path("currency").asText()).isEqualTo("EUR");
        assertThat(deal.path("leadId").asText()).isEqualTo(ana);
        assertThat(deal.toString()).contains("Qualification");

        // approving Bob's opens nothing until a person gives the amount
        api.post("/api/v1/drafts/" + bobProposal.path("reviewDraftId").asText() + "/approve", admin.accessToken(), null)
                .expect(200);
        JsonNode waiting = awaitProposal(api, admin, bob, "AWAITING_AMOUNT");
        assertThat(waiting.path("dealId").isNull()).isTrue();
        assertThat(api.get("/api/v1/deals", admin.accessToken()).json().path("data"))
                .hasSize(2);
        String open = "/api/v1/deal-proposals/" + waiting.path("id").asText() + "/open";
        api.post(open, api.addUser(admin, "VIEWER").accessToken(), Map.of("amount", 8000, "currency", "EUR"))
                .expect(403);
        api.post(open, closer.accessToken(), Map.of("amount", -1, "currency", "EUR"))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode opened = api.post(open, closer.accessToken(), Map.of("amount", 8000, "currency", "EUR"))
                .expect(200)
                .json();
        assertThat(opened.path("status").asText()).isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/deals/" + opened.path("dealId").asText(), admin.accessToken())
                        .json()
                        .path("amount")
                        .decimalValue())
                .isEqualByComparingTo(new BigDecimal("8000"));
        api.post(open, closer.accessToken(), Map.of("amount", 8000, "currency", "EUR"))
                .expectError(409, "CONFLICT");

        // rejecting Dee's closes it: no deal, and the agent does not propose it again
        api.post(
                        "/api/v1/drafts/"
                                + proposalOf(api, admin, dee)
                                        .path("reviewDraftId")
                                        .asText() + "/reject",
                        admin.accessToken(),
                        Map.of("reason", "Not ready to buy"))
                .expect(200);
        JsonNode rejected = awaitProposal(api, admin, dee, "REJECTED");
        assertThat(rejected.path("notes").asText()).isEqualTo("Not ready to buy");
        assertThat(rejected.path("dealId").isNull()).isTrue();
        assertThat(api.get("/api/v1/deals", admin.accessToken()).json().path("data"))
                .hasSize(3);

        JsonNode again = AgentPipelineTest.runAgent(api, admin, "sales_agent");
        assertThat(again.path("run").path("output").path("dealsProposed").asInt(0))
                .isZero();
        assertThat(again.path("run").path("output").path("skipped").asInt()).isEqualTo(4);
        // nothing went out: the proposals' drafts have no lead and no sender picks them up
        assertThat(api.get("/api/v1/outbound", admin.accessToken()).json().path("data"))
                .isEmpty();
        // the proposals are on the feed
        assertThat(api.get("/api/v1/events/feed?type=deal_proposal.", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(3 + 4);
    }
}

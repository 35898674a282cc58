package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealApiTest extends IntegrationTest {

    @Test
    void aWorkspaceStartsWithTheSixDefaultStagesInOrder() {
        String t = api().signup().accessToken();
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        api().get("/api/v1/settings/pipeline-stages", t)
                .expect(200)
                .json()
                .path("data")
                .forEach(s -> {
                    names.add(s.path("name").asText());
                    kinds.add(s.path("kind").asText());
                });
        assertThat(names).containsExactly("Qualification", "Proposal", "Negotiation", "Contract", "Won", "Lost");
        assertThat(kinds).containsExactly("OPEN", "OPEN", "OPEN", "OPEN", "WON", "LOST");
    }

    @Test
    void aCloserTurnsALeadIntoADealThatCarriesItsContactValueAndCampaign() {
        Api.Session admin = api().signup();
        Api.Session closer = api().addUser(admin, "CLOSER");
        JsonNode lead = RevenueFixtures.lead(api(), admin.accessToken(), "Globex", "12500.50", "EUR");
        JsonNode deal = api().post(
                        "/api/v1/deals",
                        closer.accessToken(),
                        Map.of("leadId", lead.path("id").asText()))
                .expect(201)
                .json();
        assertThat(deal.path("contactId").asText())
                .isEqualTo(lead.path("contactId").asText());
        assertThat(deal.path("leadId").asText()).isEqualTo(lead.path("id").asText());
        assertThat(deal.path("sourceCampaignId").asText())
                .isEqualTo(lead.path("campaignId").asText());
        assertThat(deal.path("amount").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(deal.path("currency").asText()).isEqualTo("EUR");
        assertThat(deal.path("name").asText()).isEqualTo("Globex deal");
        assertThat(deal.path("companyName").asText()).isEqualTo("Globex");
        assertThat(deal.path("stage").path("name").asText()).isEqualTo("Qualification");
        assertThat(deal.path("probability").asInt()).isEqualTo(10);
        assertThat(deal.path("weightedAmount").decimalValue()).isEqualByComparingTo("1250.05");
        // one deal per lead
        api().post(
                        "/api/v1/deals",
                        closer.accessToken(),
                        Map.of("leadId", lead.path("id").asText()))
                .expectError(409, "CONFLICT");
        // a FINANCE user and a VIEWER read deals but do not open them
        Api.Session finance = api().addUser(admin, "FINANCE");
        api().post(
                        "/api/v1/deals",
                        finance.accessToken(),
                        Map.of("contactId", lead.path("contactId").asText()))
                .expectError(403, "FORBIDDEN");
        api().get("/api/v1/deals/" + deal.path("id").asText(), finance.accessToken())
                .expect(200);
    }

    @Test
    void amountsAreExactDecimalsAndTooManyDecimalsAreRefused() {
        String t = api().signup().accessToken();
        String contact = RevenueFixtures.lead(api(), t, "Initech", "1", "EUR")
                .path("contactId")
                .asText();
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", contact);
        body.put("name", "Exact");
        body.put("amount", new BigDecimal("0.10"));
        body.put("currency", "EUR");
        JsonNode a = api().post("/api/v1/deals", t, body).expect(201).json();
        body.put("amount", new BigDecimal("0.20"));
        api().post("/api/v1/deals", t, body).expect(201);
        JsonNode column = api().get("/api/v1/deals/pipeline", t)
                .expect(200)
                .json()
                .path("columns")
                .get(0);
        assertThat(column.path("count").asLong()).isEqualTo(2);
        assertThat(column.path("total").path("EUR").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(a.path("amount").decimalValue()).isEqualByComparingTo("0.10");

        body.put("amount", new BigDecimal("10.001"));
        api().post("/api/v1/deals", t, body).expectError(400, "VALIDATION_ERROR");
        body.put("amount", new BigDecimal("1"));
        body.put("currency", "EURO");
        api().post("/api/v1/deals", t, body).expectError(400, "VALIDATION_ERROR");
        body.put("currency", "JPY");
        body.put("amount", new BigDecimal("1.5"));
        api().post("/api/v1/deals", t, body).expectError(400, "VALIDATION_ERROR");
        body.put("amount", new BigDecimal("-1"));
        body.put("currency", "EUR");
        api().post("/api/v1/deals", t, body).expectError(400, "VALIDATION_ERROR");
        assertThat(api().get("/api/v1/deals", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void everyStageMoveIsKeptWithWhoFromToAndTimeInStage() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        JsonNode deal = RevenueFixtures.deal(api(), t, "1000", "USD");
        String id = deal.path("id").asText();
        String proposal = RevenueFixtures.stage(api(), t, "Proposal");
        String won = RevenueFixtures.stage(api(), t, "Won");
        JsonNode moved = api().post("/api/v1/deals/" + id + "/stage", t, Map.of("stageId", proposal))
                .expect(200)
                .json();
        assertThat(moved.path("stage").path("name").asText()).isEqualTo("Proposal");
        assertThat(moved.path("probability").asInt()).isEqualTo(30);
        JsonNode closed = api().post("/api/v1/deals/" + id + "/stage", t, Map.of("stageId", won))
                .expect(200)
                .json();
        assertThat(closed.path("closedAt").isNull()).isFalse();
        JsonNode history = api().get("/api/v1/deals/" + id + "/history", t)
                .expect(200)
                .json()
                .path("data");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("fromStage").isNull()).isTrue();
        assertThat(history.get(0).path("toStage").asText()).isEqualTo("Qualification");
        assertThat(history.get(1).path("fromStage").asText()).isEqualTo("Qualification");
        assertThat(history.get(1).path("toStage").asText()).isEqualTo("Proposal");
        assertThat(history.get(1).path("secondsInFromStage").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(history.get(2).path("toStage").asText()).isEqualTo("Won");
        assertThat(history.get(2).path("actorName").asText()).isEqualTo(admin.email());
        // the moves are events on the feed
        JsonNode events =
                api().get("/api/v1/events/feed?entityId=" + id, t).expect(200).json();
        assertThat(events.toString()).contains("deal.stage_changed");
    }

    @Test
    void aLostDealNeedsAReasonAndAStageOfAnotherWorkspaceIsRefusedWithNothingChanged() {
        String t = api().signup().accessToken();
        String other = api().signup().accessToken();
        String id = RevenueFixtures.deal(api(), t, "500", "EUR").path("id").asText();
        String lost = RevenueFixtures.stage(api(), t, "Lost");
        api().post("/api/v1/deals/" + id + "/stage", t, Map.of("stageId", lost)).expectError(400, "VALIDATION_ERROR");
        String foreign = RevenueFixtures.stage(api(), other, "Won");
        Api.Response refused = api().post("/api/v1/deals/" + id + "/stage", t, Map.of("stageId", foreign));
        refused.expectError(400, "VALIDATION_ERROR");
        assertThat(refused.body()).contains("stageId");
        // a new deal on another workspace's stage is refused too
        String contact =
                api().get("/api/v1/deals/" + id, t).json().path("contactId").asText();
        api().post("/api/v1/deals", t, Map.of("contactId", contact, "amount", 1, "currency", "EUR", "stageId", foreign))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode after = api().get("/api/v1/deals/" + id, t).expect(200).json();
        assertThat(after.path("stage").path("name").asText()).isEqualTo("Qualification");
        assertThat(api().get("/api/v1/deals/" + id + "/history", t).json().path("data"))
                .hasSize(1);
        JsonNode lostDeal = api().post(
                        "/api/v1/deals/" + id + "/stage", t, Map.of("stageId", lost, "lostReason", "Budget cut"))
                .expect(200)
                .json();
        assertThat(lostDeal.path("lostReason").asText()).isEqualTo("Budget cut");
        assertThat(lostDeal.path("probability").asInt()).isZero();
    }

    @Test
    void theFieldsOfADealChangeByPatchButItsStageOnlyByAMove() {
        String t = api().signup().accessToken();
        String id = RevenueFixtures.deal(api(), t, "800", "EUR").path("id").asText();
        JsonNode changed = api().patch(
                        "/api/v1/deals/" + id,
                        t,
                        Map.of(
                                "name",
                                "Bigger deal",
                                "amount",
                                new BigDecimal("950.25"),
                                "probability",
                                40,
                                "expectedCloseDate",
                                "2027-03-15",
                                "nextStep",
                                "Send the proposal"))
                .expect(200)
                .json();
        assertThat(changed.path("name").asText()).isEqualTo("Bigger deal");
        assertThat(changed.path("amount").decimalValue()).isEqualByComparingTo("950.25");
        assertThat(changed.path("weightedAmount").decimalValue()).isEqualByComparingTo("380.10");
        assertThat(changed.path("expectedCloseDate").asText()).isEqualTo("2027-03-15");
        api().patch("/api/v1/deals/" + id, t, Map.of("stageId", RevenueFixtures.stage(api(), t, "Won")))
                .expectError(400, "VALIDATION_ERROR");
        api().patch("/api/v1/deals/" + id, t, Map.of("probability", 101)).expectError(400, "VALIDATION_ERROR");
        assertThat(api().get("/api/v1/deals/" + id, t)
                        .json()
                        .path("probability")
                        .asInt())
                .isEqualTo(40);
    }

    @Test
    void thePipelineAndTheForecastAddUpTheDeals() {
        String t = api().signup().accessToken();
        LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));
        String a = RevenueFixtures.deal(api(), t, "1000", "EUR").path("id").asText();
        String b = RevenueFixtures.deal(api(), t, "3000", "EUR").path("id").asText();
        String c = RevenueFixtures.deal(api(), t, "200", "USD").path("id").asText();
        api().patch("/api/v1/deals/" + a, t, Map.of("expectedCloseDate", today.toString()))
                .expect(200);
        api().patch(
                        "/api/v1/deals/" + b,
                        t,
                        Map.of("expectedCloseDate", today.plusMonths(1).toString()))
                .expect(200);
        api().post(
                        "/api/v1/deals/" + b + "/stage",
                        t,
                        Map.of("stageId", RevenueFixtures.stage(api(), t, "Negotiation")))
                .expect(200);
        api().patch("/api/v1/deals/" + c, t, Map.of("expectedCloseDate", today.toString()))
                .expect(200);
        JsonNode columns =
                api().get("/api/v1/deals/pipeline", t).expect(200).json().path("columns");
        assertThat(columns).hasSize(6);
        JsonNode qualification = columns.get(0);
        assertThat(qualification.path("count").asLong()).isEqualTo(2);
        assertThat(qualification.path("total").path("EUR").decimalValue()).isEqualByComparingTo("1000");
        assertThat(qualification.path("weighted").path("EUR").decimalValue()).isEqualByComparingTo("100");
        assertThat(qualification.path("total").path("USD").decimalValue()).isEqualByComparingTo("200");
        JsonNode negotiation = columns.get(2);
        assertThat(negotiation.path("stage").path("name").asText()).isEqualTo("Negotiation");
        assertThat(negotiation.path("weighted").path("EUR").decimalValue()).isEqualByComparingTo("1800");

        JsonNode months = api().get("/api/v1/deals/forecast?months=3", t)
                .expect(200)
                .json()
                .path("months");
        Map<String, BigDecimal[]> byKey = new HashMap<>();
        months.forEach(m ->
                byKey.put(m.path("month").asText() + " " + m.path("currency").asText(), new BigDecimal[] {
                    m.path("unweighted").decimalValue(), m.path("weighted").decimalValue()
                }));
        String thisMonth = today.toString().substring(0, 7);
        String nextMonth = today.plusMonths(1).toString().substring(0, 7);
        assertThat(byKey.get(thisMonth + " EUR")[0]).isEqualByComparingTo("1000");
        assertThat(byKey.get(thisMonth + " EUR")[1]).isEqualByComparingTo("100");
        assertThat(byKey.get(thisMonth + " USD")[1]).isEqualByComparingTo("20");
        assertThat(byKey.get(nextMonth + " EUR")[0]).isEqualByComparingTo("3000");
        assertThat(byKey.get(nextMonth + " EUR")[1]).isEqualByComparingTo("1800");
        api().get("/api/v1/deals/forecast?months=0", t).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void anAdminEditsTheStagesButCannotRemoveOneThatHoldsDeals() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        RevenueFixtures.deal(api(), t, "10", "EUR");
        JsonNode stages =
                api().get("/api/v1/settings/pipeline-stages", t).json().path("data");
        List<Map<String, Object>> edited = new ArrayList<>();
        for (JsonNode s : stages) {
            if (s.path("name").asText().equals("Contract")) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            m.put("id", s.path("id").asText());
            m.put(
                    "name",
                    s.path("name").asText().equals("Proposal")
                            ? "Offer"
                            : s.path("name").asText());
            m.put("probability", s.path("probability").asInt());
            m.put("kind", s.path("kind").asText());
            edited.add(m);
        }
        edited.add(1, Map.of("name", "Demo", "probability", 20, "kind", "OPEN"));
        JsonNode after = api().put("/api/v1/settings/pipeline-stages", t, Map.of("stages", edited))
                .expect(200)
                .json()
                .path("data");
        List<String> names = new ArrayList<>();
        after.forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactly("Qualification", "Demo", "Offer", "Negotiation", "Won", "Lost");
        // Qualification holds the deal: leaving it out is refused
        List<Map<String, Object>> withoutFirst = new ArrayList<>(edited.subList(1, edited.size()));
        for (int i = 0; i < withoutFirst.size(); i++) {
            if (withoutFirst.get(i).containsKey("id")) {
                continue;
            }
            withoutFirst.remove(i);
            break;
        }
        api().put("/api/v1/settings/pipeline-stages", t, Map.of("stages", withoutFirst))
                .expect(409);
        api().put(
                        "/api/v1/settings/pipeline-stages",
                        t,
                        Map.of("stages", List.of(Map.of("name", "Only", "probability", 50, "kind", "OPEN"))))
                .expectError(400, "VALIDATION_ERROR");
        Api.Session closer = api().addUser(admin, "CLOSER");
        api().put("/api/v1/settings/pipeline-stages", closer.accessToken(), Map.of("stages", edited))
                .expectError(403, "FORBIDDEN");
        assertThat(api().get("/api/v1/settings/pipeline-stages", t).json().path("data"))
                .hasSize(6);
    }
}

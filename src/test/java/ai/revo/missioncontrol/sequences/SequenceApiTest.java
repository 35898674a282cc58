package ai.revo.missioncontrol.sequences;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SequenceApiTest extends IntegrationTest {

    static String campaign(Api api, String token) {
        return api.post("/api/v1/campaigns", token, Map.of("name", "Sequences " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    static String lead(Api api, String token, String campaignId) {
        return api.post(
                        "/api/v1/leads",
                        token,
                        Map.of(
                                "campaignId",
                                campaignId,
                                "contact",
                                Map.of("email", Api.uniqueEmail("seq"), "firstName", "Ada", "company", "Globex")))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    static Map<String, Object> threeSteps() {
        return Map.of(
                "steps",
                List.of(
                        Map.of(
                                "kind",
                                "EMAIL",
                                "delay",
                                Map.of("amount", 0, "unit", "HOURS"),
                                "variants",
                                List.of(
                                        Map.of("weight", 50, "subject", "Hi {{firstName}}", "body", "<p>A</p>"),
                                        Map.of("weight", 50, "subject", "Hello {{firstName}}", "body", "<p>B</p>"))),
                        Map.of("kind", "WAIT", "delay", Map.of("amount", 2, "unit", "BUSINESS_DAYS")),
                        Map.of(
                                "kind",
                                "TASK",
                                "delay",
                                Map.of("amount", 1, "unit", "DAYS"),
                                "instruction",
                                "Call {{firstName}}")));
    }

    @Test
    void aSequenceIsBuiltAsADraftWithItsStepsInOrderAndVariantsWithIds() {
        String t = api().signup().accessToken();
        String campaign = campaign(api(), t);
        Map<String, Object> body = new java.util.HashMap<>(threeSteps());
        body.put("campaignId", campaign);
        body.put("name", "Three touches");
        JsonNode s = api().post("/api/v1/sequences", t, body).expect(201).json();
        assertThat(s.path("status").asText()).isEqualTo("DRAFT");
        assertThat(s.path("campaignId").asText()).isEqualTo(campaign);
        assertThat(s.path("steps")).hasSize(3);
        assertThat(s.path("steps").get(0).path("position").asInt()).isEqualTo(1);
        assertThat(s.path("steps").get(0).path("kind").asText()).isEqualTo("EMAIL");
        assertThat(s.path("steps").get(0).path("variants")).hasSize(2);
        assertThat(s.path("steps").get(0).path("variants").get(0).path("id").asText())
                .isNotBlank();
        assertThat(s.path("steps").get(1).path("delay").path("unit").asText()).isEqualTo("BUSINESS_DAYS");
        assertThat(s.path("steps").get(2).path("position").asInt()).isEqualTo(3);
        String id = s.path("id").asText();
        JsonNode read = api().get("/api/v1/sequences/" + id, t).expect(200).json();
        assertThat(read.path("steps").get(0).path("id").asText())
                .isEqualTo(s.path("steps").get(0).path("id").asText());
        assertThat(api().get("/api/v1/sequences?campaignId=" + campaign, t)
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
    }

    @Test
    void badStepsAreRefusedNamingTheFieldAndNothingIsStored() {
        String t = api().signup().accessToken();
        String campaign = campaign(api(), t);
        // eleven steps
        List<Map<String, Object>> eleven = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Map.of("kind", "WAIT", "delay", Map.of("amount", 1, "unit", "DAYS")));
        }
        assertField(
                api().post("/api/v1/sequences", t, Map.of("campaignId", campaign, "name", "x", "steps", eleven)),
                "steps");
        // one variant is not an A/B test; five are too many
        assertField(
                api().post(
                                "/api/v1/sequences",
                                t,
                                Map.of(
                                        "campaignId",
                                        campaign,
                                        "name",
                                        "x",
                                        "steps",
                                        List.of(Map.of(
                                                "kind",
                                                "EMAIL",
                                                "variants",
                                                List.of(Map.of("subject", "s", "body", "b")))))),
                "steps[0].variants");
        // an unknown unit, a condition on the first step, WhatsApp and SMS, an unknown merge field
        assertField(
                api().post(
                                "/api/v1/sequences",
                                t,
                                Map.of(
                                        "campaignId",
                                        campaign,
                                        "name",
                                        "x",
                                        "steps",
                                        List.of(Map.of(
                                                "kind", "WAIT", "delay", Map.of("amount", 1, "unit", "WEEKS"))))),
                "steps[0].delay.unit");
        assertField(
                api().post(
                                "/api/v1/sequences",
                                t,
                                Map.of(
                                        "campaignId",
                                        campaign,
                                        "name",
                                        "x",
                                        "steps",
                                        List.of(Map.of("kind", "TASK", "instruction", "Call", "condition", "OPENED")))),
                "steps[0].condition");
        Api.Response whatsapp = api().post(
                        "/api/v1/sequences",
                        t,
                        Map.of("campaignId", campaign, "name", "x", "steps", List.of(Map.of("kind", "WHATSAPP"))));
        assertField(whatsapp, "steps[0].kind");
        assertThat(whatsapp.json().path("error").path("message").asText()).contains("not available in sequences yet");
        assertField(
                api().post(
                                "/api/v1/sequences",
                                t,
                                Map.of("campaignId", campaign, "name", "x", "steps", List.of(Map.of("kind", "SMS")))),
                "steps[0].kind");
        assertField(
                api().post(
                                "/api/v1/sequences",
                                t,
                                Map.of(
                                        "campaignId",
                                        campaign,
                                        "name",
                                        "x",
                                        "steps",
                                        List.of(Map.of(
                                                "kind",
                                                "EMAIL",
                                                "variants",
                                                List.of(
                                                        Map.of("subject", "Hi {{nickname}}", "body", "b"),
                                                        Map.of("subject", "s", "body", "b")))))),
                "steps[0].variants[0].subject");
        // an EMAIL step with only an instruction (AI-written) is refused honestly
        assertField(
                api().post(
                                "/api/v1/sequences",
                                t,
                                Map.of(
                                        "campaignId",
                                        campaign,
                                        "name",
                                        "x",
                                        "steps",
                                        List.of(Map.of("kind", "EMAIL", "instruction", "Write a nice opener")))),
                "steps[0]");
        assertField(api().post("/api/v1/sequences", t, Map.of("campaignId", campaign)), "name");
        assertThat(api().get("/api/v1/sequences?campaignId=" + campaign, t)
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void anAdminsActivationApprovesTheContentAndAChangeOfStepsWithdrawsIt() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        Map<String, Object> body = new java.util.HashMap<>(threeSteps());
        body.put("campaignId", campaign(api(), t));
        body.put("name", "Approved");
        String id = api().post("/api/v1/sequences", t, body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        JsonNode active = api().patch("/api/v1/sequences/" + id, t, Map.of("status", "ACTIVE"))
                .expect(200)
                .json();
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("contentApprovedAt").isNull()).isFalse();
        JsonNode edited = api().patch(
                        "/api/v1/sequences/" + id,
                        t,
                        Map.of("steps", List.of(Map.of("kind", "TASK", "instruction", "Call them"))))
                .expect(200)
                .json();
        assertThat(edited.path("contentApprovedAt").isNull()).isTrue();
        assertThat(edited.path("steps")).hasSize(1);
        // an operator's activation does not approve
        Api.Session operator = api().addUser(admin, "OPERATOR");
        api().patch("/api/v1/sequences/" + id, operator.accessToken(), Map.of("status", "PAUSED"))
                .expect(200);
        JsonNode again = api().patch("/api/v1/sequences/" + id, operator.accessToken(), Map.of("status", "ACTIVE"))
                .expect(200)
                .json();
        assertThat(again.path("contentApprovedAt").isNull()).isTrue();
        api().patch("/api/v1/sequences/" + id, t, Map.of("status", "ARCHIVED")).expect(200);
        api().patch("/api/v1/sequences/" + id, t, Map.of("status", "ACTIVE")).expectError(409, "CONFLICT");
        api().patch("/api/v1/sequences/" + id, t, Map.of("name", "Renamed")).expectError(409, "CONFLICT");
    }

    @Test
    void aLeadIsEnrolledOnceAndAPersonPausesResumesAndStopsIt() {
        String t = api().signup().accessToken();
        String campaign = campaign(api(), t);
        Map<String, Object> body = new java.util.HashMap<>(threeSteps());
        body.put("campaignId", campaign);
        body.put("name", "Enrol");
        String id = api().post("/api/v1/sequences", t, body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = lead(api(), t, campaign);
        String other = lead(api(), t, campaign(api(), t));
        // a lead of another campaign is refused, naming it, and nobody is enrolled
        assertField(
                api().post("/api/v1/sequences/" + id + "/enrolments", t, Map.of("leadIds", List.of(lead, other))),
                "leadIds[1]");
        JsonNode first = api().post("/api/v1/sequences/" + id + "/enrolments", t, Map.of("leadIds", List.of(lead)))
                .expect(200)
                .json();
        assertThat(first.path("enrolled")).hasSize(1);
        JsonNode e = first.path("enrolled").get(0);
        assertThat(e.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("currentStep").asInt()).isEqualTo(1);
        assertThat(e.path("sequenceId").asText()).isEqualTo(id);
        assertThat(e.path("nextStepAt").isNull()).isFalse();
        // again, by the filter: skipped
        JsonNode second = api().post("/api/v1/sequences/" + id + "/enrolments", t, Map.of("filter", Map.of()))
                .expect(200)
                .json();
        assertThat(second.path("enrolled")).isEmpty();
        assertThat(second.path("skipped").get(0).path("reason").asText()).isEqualTo("already in this sequence");
        assertThat(api().get("/api/v1/sequences/" + id + "/enrolments", t)
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
        String eid = e.path("id").asText();
        api().post("/api/v1/enrolments/" + eid + "/resume", t, null).expectError(409, "CONFLICT");
        assertThat(api().post("/api/v1/enrolments/" + eid + "/pause", t, null)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PAUSED");
        assertThat(api().post("/api/v1/enrolments/" + eid + "/resume", t, null)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        JsonNode stopped = api().post("/api/v1/enrolments/" + eid + "/stop", t, Map.of("reason", "asked by phone"))
                .expect(200)
                .json();
        assertThat(stopped.path("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.path("stoppedReason").asText()).isEqualTo("asked by phone");
        api().post("/api/v1/enrolments/" + eid + "/stop", t, null).expectError(409, "CONFLICT");
        assertThat(api().get("/api/v1/events/feed?entityId=" + eid, t)
                        .expect(200)
                        .body())
                .contains("enrolment.created", "enrolment.paused", "enrolment.resumed", "enrolment.stopped");
    }

    private static void assertField(Api.Response response, String field) {
        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.json()
                        .path("error")
                        .path("details")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo(field);
    }
}

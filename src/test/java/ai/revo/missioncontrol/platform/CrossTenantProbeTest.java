package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Calls every endpoint that takes an id with tenant A's admin token on tenant B's resources: each must answer 404
 * (existence is not leaked) and leave B's resource unchanged. Every new endpoint with an id is added to
 * {@link #targets()}.
 */
class CrossTenantProbeTest extends IntegrationTest {

    /** A kind of resource: how tenant B creates one, how B reads it back, and the calls A must not get through. */
    record Target(String name, BiFunction<Api, Api.Session, String> create, String readPath, List<Call> calls) {}

    record Call(String method, String pathTemplate, Object body) {}

    static List<Target> targets() {
        return List.of(
                new Target(
                        "deal",
                        (api, b) -> {
                            String lead = api.post(
                                            "/api/v1/leads",
                                            b.accessToken(),
                                            Map.of(
                                                    "campaignId",
                                                    api.post(
                                                                    "/api/v1/campaigns",
                                                                    b.accessToken(),
                                                                    Map.of("name", "B's deals"))
                                                            .expect(201)
                                                            .json()
                                                            .path("id")
                                                            .asText(),
                                                    "contact",
                                                    Map.of("email", Api.uniqueEmail("b-buyer")),
                                                    "potentialValue",
                                                    900,
                                                    "currency",
                                                    "EUR"))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            return api.post("/api/v1/deals", b.accessToken(), Map.of("leadId", lead))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/deals/{id}",
                        List.of(
                                new Call("GET", "/api/v1/deals/{id}", null),
                                new Call("PATCH", "/api/v1/deals/{id}", Map.of("name", "Hijacked")),
                                new Call("POST", "/api/v1/deals/{id}/stage", Map.of("stageId", "{id}")),
                                new Call("GET", "/api/v1/deals/{id}/history", null),
                                new Call("GET", "/api/v1/deals/{id}/negotiation", null),
                                new Call(
                                        "POST",
                                        "/api/v1/deals/{id}/negotiation",
                                        Map.of("who", "THEM", "amount", 100)))),
                new Target(
                        "deal proposal",
                        (api, b) -> {
                            String campaign = api.post(
                                            "/api/v1/campaigns", b.accessToken(), Map.of("name", "B's proposals"))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            String lead = api.post(
                                            "/api/v1/leads",
                                            b.accessToken(),
                                            Map.of(
                                                    "campaignId",
                                                    campaign,
                                                    "contact",
                                                    Map.of("email", Api.uniqueEmail("b-proposal"))))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            for (String status : List.of("DRAFTED", "APPROVED", "CONTACTED", "REPLIED", "INTERESTED")) {
                                api.patch("/api/v1/leads/" + lead, b.accessToken(), Map.of("status", status))
                                        .expect(200);
                            }
                            String run = api.post("/api/v1/agents/sales_agent/run", b.accessToken(), null)
                                    .expect(202)
                                    .json()
                                    .path("runId")
                                    .asText();
                            settle(api, b, "/api/v1/runs/" + run, "/run/status");
                            JsonNode proposal = api.get("/api/v1/deal-proposals", b.accessToken())
                                    .json()
                                    .path("data")
                                    .get(0);
                            // approved without an amount: it waits for a person to give one
                            api.post(
                                            "/api/v1/drafts/"
                                                    + proposal.path("reviewDraftId")
                                                            .asText() + "/approve",
                                            b.accessToken(),
                                            null)
                                    .expect(200);
                            String id = proposal.path("id").asText();
                            org.awaitility.Awaitility.await("proposal approved")
                                    .atMost(java.time.Duration.ofSeconds(30))
                                    .until(() -> api.get("/api/v1/deal-proposals/" + id, b.accessToken())
                                            .json()
                                            .path("status")
                                            .asText()
                                            .equals("AWAITING_AMOUNT"));
                            return id;
                        },
                        "/api/v1/deal-proposals/{id}",
                        List.of(
                                new Call("GET", "/api/v1/deal-proposals/{id}", null),
                                new Call(
                                        "POST",
                                        "/api/v1/deal-proposals/{id}/open",
                                        Map.of("amount", 100, "currency", "EUR")))),
                new Target(
                        "invoice",
                        (api, b) -> {
                            String id = api.post(
                                            "/api/v1/invoices",
                                            b.accessToken(),
                                            Map.of(
                                                    "customerName",
                                                    "B's customer",
                                                    "currency",
                                                    "EUR",
                                                    "lines",
                                                    List.of(Map.of(
                                                            "description", "Work", "quantity", 1, "unitPrice", 100))))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            api.post("/api/v1/invoices/" + id + "/issue", b.accessToken(), null)
                                    .expect(200);
                            return id;
                        },
                        "/api/v1/invoices/{id}",
                        List.of(
                                new Call("GET", "/api/v1/invoices/{id}", null),
                                new Call("GET", "/api/v1/invoices/{id}/pdf", null),
                                new Call("PATCH", "/api/v1/invoices/{id}", Map.of("notes", "Hijacked")),
                                new Call("POST", "/api/v1/invoices/{id}/issue", null),
                                new Call("POST", "/api/v1/invoices/{id}/payments", Map.of("amount", 1)),
                                new Call("POST", "/api/v1/invoices/{id}/credit-note", Map.of("reason", "Hijacked")),
                                new Call("POST", "/api/v1/invoices/{id}/send", null),
                                new Call("GET", "/api/v1/invoices/{id}/messages", null),
                                new Call("GET", "/api/v1/invoices/{id}/reminders", null))),
                new Target(
                        "reminder",
                        (api, b) -> {
                            Map<String, Object> body = new java.util.HashMap<>();
                            body.put("customerName", "B's late customer");
                            body.put("customerEmail", Api.uniqueEmail("b-late"));
                            body.put("currency", "EUR");
                            body.put(
                                    "issueDate",
                                    java.time.LocalDate.now().minusDays(40).toString());
                            body.put(
                                    "dueDate",
                                    java.time.LocalDate.now().minusDays(35).toString());
                            body.put("lines", List.of(Map.of("description", "Work", "quantity", 1, "unitPrice", 100)));
                            String invoice = api.post("/api/v1/invoices", b.accessToken(), body)
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            api.post("/api/v1/invoices/" + invoice + "/issue", b.accessToken(), null)
                                    .expect(200);
                            api.post("/api/v1/dunning/run", b.accessToken(), null)
                                    .expect(200);
                            return api.get("/api/v1/invoices/" + invoice + "/reminders", b.accessToken())
                                    .expect(200)
                                    .json()
                                    .path("reminders")
                                    .get(0)
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/reminders/{id}",
                        List.of(
                                new Call("GET", "/api/v1/reminders/{id}", null),
                                new Call("POST", "/api/v1/reminders/{id}/approve", null),
                                new Call("POST", "/api/v1/reminders/{id}/reject", Map.of("reason", "probe")))),
                new Target(
                        "contract",
                        (api, b) -> {
                            String campaign = api.post(
                                            "/api/v1/campaigns", b.accessToken(), Map.of("name", "B contract"))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            Map<String, Object> lead = Map.of(
                                    "campaignId",
                                    campaign,
                                    "contact",
                                    Map.of("email", Api.uniqueEmail("b-buyer")),
                                    "potentialValue",
                                    100,
                                    "currency",
                                    "EUR");
                            String leadId = api.post("/api/v1/leads", b.accessToken(), lead)
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            String deal = api.post("/api/v1/deals", b.accessToken(), Map.of("leadId", leadId))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            return api.post("/api/v1/deals/" + deal + "/contracts", b.accessToken(), Map.of())
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/contracts/{id}",
                        List.of(
                                new Call("GET", "/api/v1/contracts/{id}", null),
                                new Call("PATCH", "/api/v1/contracts/{id}", Map.of("terms", "Hijacked")),
                                new Call("POST", "/api/v1/contracts/{id}/submit", null),
                                new Call("POST", "/api/v1/contracts/{id}/send", null),
                                new Call("POST", "/api/v1/contracts/{id}/sign", Map.of("signedBy", "Hijacked")),
                                new Call("POST", "/api/v1/contracts/{id}/decline", Map.of("reason", "Hijacked")),
                                new Call("GET", "/api/v1/contracts/{id}/pdf", null),
                                new Call("GET", "/api/v1/contracts/{id}/signed-copy", null),
                                new Call("GET", "/api/v1/contracts/{id}/messages", null))),
                new Target(
                        "product",
                        (api, b) -> api.post(
                                        "/api/v1/products",
                                        b.accessToken(),
                                        Map.of("name", "B's ring", "price", Map.of("amount", 100, "currency", "EUR")))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/products/{id}",
                        List.of(
                                new Call("GET", "/api/v1/products/{id}", null),
                                new Call("PATCH", "/api/v1/products/{id}", Map.of("name", "Hijacked")),
                                new Call("GET", "/api/v1/products/{id}/image", null),
                                new Call("POST", "/api/v1/products/{id}/image", null),
                                new Call("DELETE", "/api/v1/products/{id}", null))),
                new Target(
                        "webhook subscription",
                        (api, b) -> api.post(
                                        "/api/v1/webhook-subscriptions",
                                        b.accessToken(),
                                        Map.of("url", "https://hooks.example.com/b", "eventTypes", List.of("deal.won")))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/webhook-subscriptions/{id}",
                        List.of(
                                new Call("GET", "/api/v1/webhook-subscriptions/{id}", null),
                                new Call("PATCH", "/api/v1/webhook-subscriptions/{id}", Map.of("enabled", false)),
                                new Call("DELETE", "/api/v1/webhook-subscriptions/{id}", null),
                                new Call("POST", "/api/v1/webhook-subscriptions/{id}/rotate-secret", null),
                                new Call("POST", "/api/v1/webhook-subscriptions/{id}/test", null),
                                new Call("GET", "/api/v1/webhook-subscriptions/{id}/deliveries", null))),
                new Target(
                        "site",
                        (api, b) -> api.post(
                                        "/api/v1/sites",
                                        b.accessToken(),
                                        Map.of("name", "B's site", "auth", "SHARED_SECRET"))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/sites/{id}",
                        List.of(
                                new Call("GET", "/api/v1/sites/{id}", null),
                                new Call("PATCH", "/api/v1/sites/{id}", Map.of("name", "Hijacked")),
                                new Call("DELETE", "/api/v1/sites/{id}", null),
                                new Call("POST", "/api/v1/sites/{id}/rotate-secret", null),
                                new Call("GET", "/api/v1/sites/{id}/events", null),
                                new Call("POST", "/api/v1/sites/{id}/reprocess", Map.of()),
                                new Call("POST", "/api/v1/sites/{id}/mapping/preview", Map.of()),
                                new Call("GET", "/api/v1/sites/{id}/voice", null),
                                new Call("PUT", "/api/v1/sites/{id}/voice", Map.of("assistantId", "asst_hijack")))),
                new Target(
                        "call",
                        (api, b) -> {
                            var site = api.post(
                                            "/api/v1/sites",
                                            b.accessToken(),
                                            Map.of("name", "B's phone line", "auth", "SHARED_SECRET"))
                                    .expect(201)
                                    .json();
                            // a web call: no number, so nothing links it to a contact while the probe runs
                            api.send(
                                            "POST",
                                            "/api/v1/webhooks/voice/vapi/"
                                                    + site.path("siteKey").asText(),
                                            null,
                                            Map.of(
                                                    "message",
                                                    Map.of(
                                                            "type",
                                                            "end-of-call-report",
                                                            "endedReason",
                                                            "customer-ended-call",
                                                            "call",
                                                            Map.of("id", "call_probe", "type", "webCall"),
                                                            "summary",
                                                            "B's call")),
                                            Map.of(
                                                    "X-Vapi-Secret",
                                                    site.path("secret").asText()))
                                    .expect(200);
                            return api.get("/api/v1/calls", b.accessToken())
                                    .expect(200)
                                    .json()
                                    .path("data")
                                    .get(0)
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/calls/{id}",
                        List.of(new Call("GET", "/api/v1/calls/{id}", null))),
                new Target(
                        "site event",
                        (api, b) -> {
                            var site = api.post(
                                            "/api/v1/sites",
                                            b.accessToken(),
                                            Map.of("name", "B's event site", "auth", "SHARED_SECRET"))
                                    .expect(201)
                                    .json();
                            String id = api.send(
                                            "POST",
                                            "/api/v1/ingest/"
                                                    + site.path("siteKey").asText(),
                                            null,
                                            Map.of("email", Api.uniqueEmail("probe")),
                                            Map.of(
                                                    "x-webhook-secret",
                                                    site.path("secret").asText()))
                                    .expect(202)
                                    .json()
                                    .path("eventId")
                                    .asText();
                            org.awaitility.Awaitility.await()
                                    .atMost(java.time.Duration.ofSeconds(60))
                                    .until(() -> api.get("/api/v1/ingest/events/" + id, b.accessToken())
                                            .expect(200)
                                            .json()
                                            .path("status")
                                            .asText()
                                            .equals("PROCESSED"));
                            return id;
                        },
                        "/api/v1/ingest/events/{id}",
                        List.of(
                                new Call("GET", "/api/v1/ingest/events/{id}", null),
                                new Call("POST", "/api/v1/ingest/events/{id}/reprocess", null))),
                new Target(
                        "knowledge source",
                        (api, b) -> {
                            String boundary = "----probe" + java.util.UUID.randomUUID();
                            String multipart = "--" + boundary
                                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"probe.txt\"\r\n"
                                    + "Content-Type: text/plain\r\n\r\nB's price list: rings from 200 euros.\r\n--"
                                    + boundary + "--\r\n";
                            String id = api.send(
                                            "POST",
                                            "/api/v1/knowledge/sources",
                                            b.accessToken(),
                                            multipart,
                                            Map.of("Content-Type", "multipart/form-data; boundary=" + boundary))
                                    .expect(202)
                                    .json()
                                    .path("id")
                                    .asText();
                            org.awaitility.Awaitility.await()
                                    .atMost(java.time.Duration.ofSeconds(60))
                                    .until(() -> api.get("/api/v1/knowledge/sources/" + id, b.accessToken())
                                            .expect(200)
                                            .json()
                                            .path("status")
                                            .asText()
                                            .equals("READY"));
                            return id;
                        },
                        "/api/v1/knowledge/sources/{id}",
                        List.of(
                                new Call("GET", "/api/v1/knowledge/sources/{id}", null),
                                new Call("GET", "/api/v1/knowledge/sources/{id}/chunks", null),
                                new Call("POST", "/api/v1/knowledge/sources/{id}/reingest", null),
                                new Call("DELETE", "/api/v1/knowledge/sources/{id}", null))),
                new Target(
                        "sender identity",
                        (api, b) -> api.post(
                                        "/api/v1/settings/email-sending/identities",
                                        b.accessToken(),
                                        Map.of("displayName", "B sales", "address", b.email()))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/settings/email-sending/identities",
                        List.of(
                                new Call(
                                        "PATCH",
                                        "/api/v1/settings/email-sending/identities/{id}",
                                        Map.of("displayName", "Hijacked", "address", "no-reply@localhost")),
                                new Call("DELETE", "/api/v1/settings/email-sending/identities/{id}", null))),
                new Target(
                        "API key",
                        (api, b) -> api.post(
                                        "/api/v1/api-keys",
                                        b.accessToken(),
                                        Map.of("name", "B's key", "scopes", List.of("read"), "expiresInDays", 7))
                                .expect(201)
                                .json()
                                .path("apiKey")
                                .path("id")
                                .asText(),
                        "/api/v1/api-keys",
                        List.of(new Call("DELETE", "/api/v1/api-keys/{id}", null))),
                new Target(
                        "notification",
                        (api, b) -> {
                            // drafts waiting for a switched-off channel raise a notification
                            api.patch(
                                            "/api/v1/settings/safety",
                                            b.accessToken(),
                                            Map.of("channels", Map.of("SMS", false)))
                                    .expect(200);
                            String campaign = api.post(
                                            "/api/v1/campaigns",
                                            b.accessToken(),
                                            Map.of("name", "Probe " + java.util.UUID.randomUUID()))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            String draft = api.post(
                                            "/api/v1/drafts",
                                            b.accessToken(),
                                            Map.of("campaignId", campaign, "channel", "SMS", "bodyText", "probe"))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            api.patch("/api/v1/drafts/" + draft, b.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                                    .expect(200);
                            return api.get("/api/v1/me/notifications", b.accessToken())
                                    .expect(200)
                                    .json()
                                    .path("data")
                                    .path(0)
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/me/notifications",
                        List.of(new Call("POST", "/api/v1/me/notifications/{id}/read", null))),
                new Target(
                        "user",
                        (api, b) -> api.addUser(b, "OPERATOR").userId(),
                        "/api/v1/users/{id}",
                        List.of(
                                new Call("GET", "/api/v1/users/{id}", null),
                                new Call("PATCH", "/api/v1/users/{id}", Map.of("role", "VIEWER")),
                                new Call("PATCH", "/api/v1/users/{id}", Map.of("active", false)))),
                new Target(
                        "suppression",
                        (api, b) -> api.post(
                                        "/api/v1/suppressions",
                                        b.accessToken(),
                                        Map.of("channel", "EMAIL", "address", Api.uniqueEmail("probe")))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/suppressions",
                        List.of(new Call("DELETE", "/api/v1/suppressions/{id}", null))),
                new Target(
                        "campaign",
                        (api, b) -> api.post(
                                        "/api/v1/campaigns",
                                        b.accessToken(),
                                        Map.of("name", "Probe " + java.util.UUID.randomUUID()))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/campaigns/{id}",
                        List.of(
                                new Call("GET", "/api/v1/campaigns/{id}", null),
                                new Call("GET", "/api/v1/campaigns/{id}/prospects", null),
                                new Call("GET", "/api/v1/campaigns/{id}/email-settings", null),
                                new Call(
                                        "PUT",
                                        "/api/v1/campaigns/{id}/email-settings",
                                        Map.of("fromEmail", "x@example.com")),
                                new Call("GET", "/api/v1/campaigns/{id}/tracking", null),
                                new Call("GET", "/api/v1/campaigns/{id}/conversation-settings", null),
                                new Call(
                                        "PUT",
                                        "/api/v1/campaigns/{id}/conversation-settings",
                                        Map.of("autoReply", true)),
                                new Call("PUT", "/api/v1/campaigns/{id}/tracking", Map.of("trackLinks", false)),
                                new Call("PATCH", "/api/v1/campaigns/{id}", Map.of("name", "Hijacked")),
                                new Call("PATCH", "/api/v1/campaigns/{id}/status", Map.of("status", "ACTIVE")),
                                new Call("GET", "/api/v1/knowledge/campaigns/{id}/sources", null),
                                new Call("GET", "/api/v1/campaigns/{id}/whatsapp", null),
                                new Call("GET", "/api/v1/campaigns/{id}/blasts", null),
                                new Call(
                                        "POST",
                                        "/api/v1/campaigns/{id}/blast",
                                        Map.of("templateName", "spring_sale", "language", "en_US")),
                                new Call(
                                        "PUT",
                                        "/api/v1/campaigns/{id}/whatsapp",
                                        java.util.Collections.singletonMap("reengagementTemplate", null)),
                                new Call(
                                        "PUT",
                                        "/api/v1/knowledge/campaigns/{id}/sources",
                                        Map.of("everyWorkspaceSource", false)))),
                new Target(
                        "simulator session",
                        (api, b) -> api.post("/api/v1/whatsapp/simulator/sessions", b.accessToken(), Map.of())
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/whatsapp/simulator/sessions/{id}",
                        List.of(
                                new Call("GET", "/api/v1/whatsapp/simulator/sessions/{id}", null),
                                new Call(
                                        "POST",
                                        "/api/v1/whatsapp/simulator/sessions/{id}/messages",
                                        Map.of("text", "Hijacked")),
                                new Call("DELETE", "/api/v1/whatsapp/simulator/sessions/{id}", null))),
                new Target(
                        "contact",
                        (api, b) -> api.post(
                                        "/api/v1/contacts",
                                        b.accessToken(),
                                        Map.of("email", Api.uniqueEmail("contact")))
                                .expect(200)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/contacts/{id}",
                        List.of(
                                new Call("GET", "/api/v1/contacts/{id}", null),
                                new Call("PATCH", "/api/v1/contacts/{id}", Map.of("company", "Hijacked")),
                                new Call("GET", "/api/v1/contacts/{id}/timeline", null),
                                new Call("POST", "/api/v1/contacts/{id}/notes", Map.of("text", "Hijacked")),
                                // privacy requests: another workspace's contact can be neither exported nor erased
                                new Call("GET", "/api/v1/contacts/{id}/export", null),
                                new Call("POST", "/api/v1/contacts/{id}/erase", null))),
                new Target(
                        "lead",
                        (api, b) -> {
                            String campaign = api.post(
                                            "/api/v1/campaigns",
                                            b.accessToken(),
                                            Map.of("name", "Lead probe " + java.util.UUID.randomUUID()))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            return api.post(
                                            "/api/v1/leads",
                                            b.accessToken(),
                                            Map.of(
                                                    "campaignId",
                                                    campaign,
                                                    "contact",
                                                    Map.of("email", Api.uniqueEmail("lead"))))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/leads/{id}",
                        List.of(
                                new Call("GET", "/api/v1/leads/{id}", null),
                                new Call("PATCH", "/api/v1/leads/{id}", Map.of("status", "LOST")),
                                new Call(
                                        "POST",
                                        "/api/v1/leads/{id}/score-override",
                                        Map.of("score", "A", "reason", "x")))),
                new Target(
                        "draft",
                        (api, b) -> {
                            String campaign = api.post(
                                            "/api/v1/campaigns",
                                            b.accessToken(),
                                            Map.of("name", "Draft probe " + java.util.UUID.randomUUID()))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            String draft = api.post(
                                            "/api/v1/drafts",
                                            b.accessToken(),
                                            Map.of("campaignId", campaign, "channel", "SMS", "bodyText", "Hello"))
                                    .expect(201)
                                    .json()
                                    .path("id")
                                    .asText();
                            api.patch("/api/v1/drafts/" + draft, b.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                                    .expect(200);
                            return draft;
                        },
                        "/api/v1/drafts/{id}",
                        List.of(
                                new Call("GET", "/api/v1/drafts/{id}", null),
                                new Call("PATCH", "/api/v1/drafts/{id}", Map.of("bodyText", "Hijacked")),
                                new Call("GET", "/api/v1/drafts/{id}/versions", null),
                                new Call("GET", "/api/v1/drafts/{id}/diff?from=1&to=1", null),
                                new Call("GET", "/api/v1/approvals?draftId={id}", null),
                                new Call(
                                        "POST",
                                        "/api/v1/approvals/bulk",
                                        Map.of("decision", "APPROVE", "draftIds", List.of("{id}"))),
                                new Call(
                                        "POST",
                                        "/api/v1/approvals/bulk",
                                        Map.of("decision", "REJECT", "draftIds", List.of("{id}"), "reason", "x")),
                                new Call("POST", "/api/v1/drafts/{id}/approve", null),
                                new Call("POST", "/api/v1/drafts/{id}/reject", Map.of("reason", "x")),
                                new Call("POST", "/api/v1/drafts/{id}/request-changes", Map.of("notes", "x")),
                                new Call("POST", "/api/v1/drafts/{id}/edit-inline-approve", Map.of("body", "x")),
                                new Call("POST", "/api/v1/drafts/{id}/approve-with-notes", Map.of("notes", "x")),
                                new Call("POST", "/api/v1/ai/score", Map.of("draftId", "{id}")),
                                new Call(
                                        "POST",
                                        "/api/v1/ai/rewrite",
                                        Map.of("draftId", "{id}", "instruction", "shorter")),
                                new Call("POST", "/api/v1/ai/personalize", Map.of("draftId", "{id}")))),
                new Target(
                        "email template",
                        (api, b) -> api.post(
                                        "/api/v1/templates",
                                        b.accessToken(),
                                        Map.of(
                                                "title",
                                                "Probe",
                                                "content",
                                                Map.of("subject", "Hi {{firstName|there}}", "body", "<p>Hi</p>")))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/templates/{id}",
                        List.of(
                                new Call("GET", "/api/v1/templates/{id}", null),
                                new Call("PATCH", "/api/v1/templates/{id}", Map.of("title", "Hijacked")),
                                new Call("POST", "/api/v1/templates/{id}/render", Map.of()),
                                new Call("DELETE", "/api/v1/templates/{id}", null))),
                new Target(
                        "conversation",
                        (api, b) -> ai.revo.missioncontrol.conversations.ConversationFixture.conversation(
                                api, ai.revo.missioncontrol.support.TestDatabase.shared(), b),
                        "/api/v1/conversations/{id}",
                        List.of(
                                new Call("GET", "/api/v1/conversations/{id}", null),
                                new Call("POST", "/api/v1/me/conversations/{id}/read", null),
                                new Call("POST", "/api/v1/conversations/{id}/replies", Map.of("bodyText", "Hijack")),
                                new Call("POST", "/api/v1/conversations/{id}/close", null),
                                new Call("GET", "/api/v1/conversations/{id}/messages", null),
                                new Call("POST", "/api/v1/conversations/{id}/messages", Map.of("text", "Hijack")),
                                new Call(
                                        "POST",
                                        "/api/v1/conversations/{id}/template-messages",
                                        Map.of("templateName", "hello", "language", "en_US")),
                                new Call("POST", "/api/v1/conversations/{id}/takeover", null),
                                new Call("POST", "/api/v1/conversations/{id}/handback", null),
                                new Call("GET", "/api/v1/conversations/{id}/ai-reply", null),
                                new Call("GET", "/api/v1/conversations/{id}/follow-ups", null),
                                new Call("GET", "/api/v1/conversations/{id}/orders", null))),
                new Target(
                        "simulated email",
                        (api, b) -> ai.revo.missioncontrol.conversations.ConversationFixture.simulatedEmail(
                                api, ai.revo.missioncontrol.support.TestDatabase.shared(), b),
                        "/api/v1/emails/{id}",
                        List.of(
                                new Call("GET", "/api/v1/emails/{id}", null),
                                new Call("POST", "/api/v1/emails/{id}/send-for-real", null))),
                new Target(
                        "composer draft",
                        (api, b) -> api.post(
                                        "/api/v1/emails/draft",
                                        b.accessToken(),
                                        Map.of("subject", "Probe", "bodyHtml", "<p>Probe</p>"))
                                .expect(200)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/emails/drafts/{id}",
                        List.of(
                                new Call("GET", "/api/v1/emails/drafts/{id}", null),
                                new Call("POST", "/api/v1/emails/draft", Map.of("id", "{id}", "subject", "Hijacked")),
                                new Call("DELETE", "/api/v1/emails/draft/{id}", null))),
                new Target(
                        "scheduler job",
                        (api, b) -> api.get("/api/v1/scheduler/jobs", b.accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .get(0)
                                .path("id")
                                .asText(),
                        "/api/v1/scheduler/jobs/{id}",
                        List.of(
                                new Call("GET", "/api/v1/scheduler/jobs/{id}", null),
                                new Call("PATCH", "/api/v1/scheduler/jobs/{id}", Map.of("enabled", false)),
                                new Call("POST", "/api/v1/scheduler/jobs/{id}/run-now", null))),
                new Target(
                        "scheduler run",
                        (api, b) -> {
                            String job = api.get("/api/v1/scheduler/jobs", b.accessToken())
                                    .expect(200)
                                    .json()
                                    .path("data")
                                    .get(0)
                                    .path("id")
                                    .asText();
                            String run = api.post("/api/v1/scheduler/jobs/" + job + "/run-now", b.accessToken(), null)
                                    .expect(202)
                                    .json()
                                    .path("runId")
                                    .asText();
                            settle(api, b, "/api/v1/scheduler/runs/" + run, "/status");
                            return run;
                        },
                        "/api/v1/scheduler/runs/{id}",
                        List.of(new Call("GET", "/api/v1/scheduler/runs/{id}", null))),
                new Target(
                        "agent run",
                        (api, b) -> {
                            String run = api.post("/api/v1/agents/lead_researcher/run", b.accessToken(), null)
                                    .expect(202)
                                    .json()
                                    .path("runId")
                                    .asText();
                            settle(api, b, "/api/v1/runs/" + run, "/run/status");
                            return run;
                        },
                        "/api/v1/runs/{id}",
                        List.of(
                                new Call("GET", "/api/v1/runs/{id}", null),
                                new Call("POST", "/api/v1/runs/{id}/retry", null),
                                new Call(
                                        "POST",
                                        "/api/v1/runs/{id}/manual-override",
                                        Map.of("outcome", "FAILED", "notes", "x")))),
                new Target(
                        "pipeline run",
                        (api, b) -> {
                            String run = api.post("/api/v1/pipeline/run", b.accessToken(), null)
                                    .expect(202)
                                    .json()
                                    .path("pipelineRunId")
                                    .asText();
                            settle(api, b, "/api/v1/pipeline/runs/" + run, "/status");
                            return run;
                        },
                        "/api/v1/pipeline/runs/{id}",
                        List.of(new Call("GET", "/api/v1/pipeline/runs/{id}", null))),
                new Target(
                        "brief",
                        (api, b) -> {
                            String run = api.post("/api/v1/agents/daily_briefer/run", b.accessToken(), null)
                                    .expect(202)
                                    .json()
                                    .path("runId")
                                    .asText();
                            settle(api, b, "/api/v1/runs/" + run, "/run/status");
                            assertThat(api.get("/api/v1/runs/" + run, b.accessToken())
                                            .json()
                                            .at("/run/status")
                                            .asText())
                                    .as(api.get("/api/v1/runs/" + run, b.accessToken())
                                            .body())
                                    .isEqualTo("SUCCEEDED");
                            return api.get("/api/v1/briefs/latest", b.accessToken())
                                    .expect(200)
                                    .json()
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/briefs/{id}",
                        List.of(new Call("GET", "/api/v1/briefs/{id}", null))),
                new Target(
                        "prompt version",
                        (api, b) -> {
                            api.patch(
                                            "/api/v1/prompts/rewrite",
                                            b.accessToken(),
                                            Map.of(
                                                    "template",
                                                    "Rewrite this: {{text}} ({{instruction}})",
                                                    "notes",
                                                    "probe"))
                                    .expect(200);
                            return "rewrite";
                        },
                        "/api/v1/prompts/{id}",
                        List.of(
                                new Call("GET", "/api/v1/prompts/{id}/diff?from=1&to=2", null),
                                new Call("POST", "/api/v1/prompts/{id}/activate", Map.of("version", 2)),
                                new Call("POST", "/api/v1/prompts/{id}/automatic-use", Map.of("version", 2)))),
                new Target(
                        "agent",
                        (api, b) -> api.get("/api/v1/agents", b.accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .get(0)
                                .path("id")
                                .asText(),
                        "/api/v1/agents/{id}",
                        List.of(
                                new Call("GET", "/api/v1/agents/{id}", null),
                                new Call("PATCH", "/api/v1/agents/{id}", Map.of("status", "PAUSED")))),
                new Target(
                        "task",
                        (api, b) -> api.post("/api/v1/tasks", b.accessToken(), Map.of("title", "Probe"))
                                .expect(201)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/tasks/{id}",
                        List.of(
                                new Call("GET", "/api/v1/tasks/{id}", null),
                                new Call("PATCH", "/api/v1/tasks/{id}", Map.of("column", "DOING")),
                                new Call("POST", "/api/v1/tasks/{id}/progress", Map.of("message", "x")),
                                new Call("GET", "/api/v1/tasks/{id}/replay", null))),
                new Target(
                        "outbound message",
                        (api, b) -> api.post(
                                        "/api/v1/outbound/test",
                                        b.accessToken(),
                                        Map.of(
                                                "channel",
                                                "EMAIL",
                                                "to",
                                                "probe@example.com",
                                                "body",
                                                "hello",
                                                "idempotencyKey",
                                                "probe-" + java.util.UUID.randomUUID()))
                                .expect(200)
                                .json()
                                .path("id")
                                .asText(),
                        "/api/v1/outbound/{id}",
                        List.of(
                                new Call("GET", "/api/v1/outbound/{id}", null),
                                new Call("POST", "/api/v1/outbound/{id}/mark-sent", null),
                                new Call("POST", "/api/v1/outbound/{id}/send-again", null))),
                new Target(
                        "sequence",
                        (api, b) -> sequence(api, b)[0],
                        "/api/v1/sequences/{id}",
                        List.of(
                                new Call("GET", "/api/v1/sequences/{id}", null),
                                new Call("PATCH", "/api/v1/sequences/{id}", Map.of("name", "Hijacked")),
                                new Call("PATCH", "/api/v1/sequences/{id}", Map.of("status", "ARCHIVED")),
                                new Call("GET", "/api/v1/sequences/{id}/enrolments", null),
                                new Call("GET", "/api/v1/sequences/{id}/stats", null),
                                new Call("POST", "/api/v1/sequences/{id}/enrolments", Map.of("filter", Map.of())))),
                new Target(
                        "enrolment",
                        (api, b) -> {
                            String[] made = sequence(api, b);
                            return api.post(
                                            "/api/v1/sequences/" + made[0] + "/enrolments",
                                            b.accessToken(),
                                            Map.of("leadIds", List.of(made[1])))
                                    .expect(200)
                                    .json()
                                    .path("enrolled")
                                    .get(0)
                                    .path("id")
                                    .asText();
                        },
                        "/api/v1/enrolments/{id}",
                        List.of(
                                new Call("GET", "/api/v1/enrolments/{id}", null),
                                new Call("POST", "/api/v1/enrolments/{id}/pause", null),
                                new Call("POST", "/api/v1/enrolments/{id}/resume", null),
                                new Call("POST", "/api/v1/enrolments/{id}/stop", Map.of("reason", "hijack")))));
    }

    /** B's sequence (one task step, due in 30 days, so nothing runs during the probe) and a lead of its campaign. */
    static String[] sequence(Api api, Api.Session b) {
        String campaign = api.post(
                        "/api/v1/campaigns",
                        b.accessToken(),
                        Map.of("name", "B's sequences " + java.util.UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        b.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", Api.uniqueEmail("b-seq"))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String sequence = api.post(
                        "/api/v1/sequences",
                        b.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "name",
                                "B's cadence",
                                "steps",
                                List.of(Map.of(
                                        "kind",
                                        "TASK",
                                        "instruction",
                                        "Call",
                                        "delay",
                                        Map.of("amount", 30, "unit", "DAYS")))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        return new String[] {sequence, lead};
    }

    @SuppressWarnings("unchecked")
    static Object withId(Object body, String id) {
        if (!(body instanceof Map<?, ?> map)) {
            return body;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) map)
                .forEach((k, v) -> out.put(
                        k,
                        "{id}".equals(v)
                                ? id
                                : v instanceof List<?> list
                                        ? list.stream()
                                                .map(e -> "{id}".equals(e) ? id : e)
                                                .toList()
                                        : v));
        return out;
    }

    /** Waits until the resource's status (at the JSON pointer) is no longer QUEUED or RUNNING. */
    static void settle(Api api, Api.Session s, String path, String pointer) {
        org.awaitility.Awaitility.await(path + " settled")
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(
                        () -> api.get(path, s.accessToken())
                                .expect(200)
                                .json()
                                .at(pointer)
                                .asText(),
                        status -> !status.equals("QUEUED") && !status.equals("RUNNING"));
    }

    @TestFactory
    Stream<DynamicTest> otherTenantsResourcesAreNotFoundAndUnchanged() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        return targets().stream().flatMap(target -> {
            String id = target.create().apply(api, b);
            String readPath = target.readPath().replace("{id}", id);
            return target.calls().stream()
                    .map(call -> DynamicTest.dynamicTest(
                            target.name() + ": " + call.method() + " " + call.pathTemplate(), () -> {
                                String before = api.get(readPath, b.accessToken())
                                        .expect(200)
                                        .body();
                                api.send(
                                                call.method(),
                                                call.pathTemplate().replace("{id}", id),
                                                a.accessToken(),
                                                withId(call.body(), id),
                                                Map.of())
                                        .expectError(404, "NOT_FOUND");
                                assertThat(api.get(readPath, b.accessToken())
                                                .expect(200)
                                                .body())
                                        .isEqualTo(before);
                            }));
        });
    }

    /**
     * The WhatsApp conversation pages (thread, reply box, template picker and its preview and send) asked by tenant
     * A's admin, signed in through the login form, for tenant B's conversation: each 404, and B's conversation and
     * thread unchanged.
     */
    @TestFactory
    Stream<DynamicTest> otherTenantsConversationPagesAreNotFoundAndUnchanged() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        String id = ai.revo.missioncontrol.conversations.ConversationFixture.conversation(
                api, ai.revo.missioncontrol.support.TestDatabase.shared(), b);
        ai.revo.missioncontrol.support.PageClient browser =
                ai.revo.missioncontrol.support.PageClient.signIn(port, a.email(), a.password());
        List<Call> calls = List.of(
                new Call("GET", "/conversations/{id}", null),
                new Call("GET", "/conversations/{id}/thread", null),
                new Call("POST", "/conversations/{id}/reply", "text=Hijack&key=probe-reply"),
                new Call("GET", "/conversations/{id}/template", null),
                new Call("GET", "/conversations/{id}/template?name=hello&language=en_US", null),
                new Call("GET", "/conversations/{id}/template/preview?name=hello&language=en_US&parameters=A", null),
                new Call("POST", "/conversations/{id}/template", "name=hello&language=en_US&key=probe-template"),
                new Call("POST", "/conversations/{id}/takeover", null),
                new Call("POST", "/conversations/{id}/handback", null));
        return calls.stream()
                .map(call -> DynamicTest.dynamicTest(
                        "conversation page: " + call.method() + " " + call.pathTemplate(), () -> {
                            String before = api.get("/api/v1/conversations/" + id, b.accessToken())
                                            .expect(200)
                                            .body()
                                    + api.get("/api/v1/conversations/" + id + "/messages", b.accessToken())
                                            .expect(200)
                                            .body();
                            String path = call.pathTemplate().replace("{id}", id);
                            java.net.http.HttpResponse<String> response =
                                    call.method().equals("GET")
                                            ? browser.get(path)
                                            : browser.post(
                                                    path,
                                                    "application/x-www-form-urlencoded",
                                                    String.valueOf(call.body() == null ? "" : call.body())
                                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            assertThat(response.statusCode())
                                    .as("%s -> %s", path, response.body())
                                    .isEqualTo(404);
                            assertThat(api.get("/api/v1/conversations/" + id, b.accessToken())
                                                    .expect(200)
                                                    .body()
                                            + api.get("/api/v1/conversations/" + id + "/messages", b.accessToken())
                                                    .expect(200)
                                                    .body())
                                    .isEqualTo(before);
                        }));
    }
}

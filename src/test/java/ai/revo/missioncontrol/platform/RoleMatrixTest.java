package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the core (campaigns, contacts, leads, drafts and approvals, tasks, agents) called by every role
 * on fresh data: the status each role gets. Add a row for every new endpoint.
 */
class RoleMatrixTest extends IntegrationTest {

    static final List<String> ROLES = List.of("ADMIN", "OPERATOR", "CLOSER", "FINANCE", "VIEWER");

    /** Expected status per role, in the order of {@link #ROLES}. */
    record Rule(String method, String path, Object body, int admin, int operator, int closer, int finance, int viewer) {
        int expected(String role) {
            return switch (role) {
                case "ADMIN" -> admin;
                case "OPERATOR" -> operator;
                case "CLOSER" -> closer;
                case "FINANCE" -> finance;
                default -> viewer;
            };
        }
    }

    static final int OK = 200;
    static final int CREATED = 201;
    static final int ACCEPTED = 202;
    static final int NO = 403;

    static List<Rule> rules() {
        return List.of(
                new Rule("GET", "/api/v1/campaigns", null, OK, OK, OK, OK, OK),
                // shell: the user's own dashboard preferences, every role (VIEWER included)
                new Rule("GET", "/api/v1/me/preferences", null, OK, OK, OK, OK, OK),
                new Rule("PUT", "/api/v1/me/preferences", Map.of("sidebarCollapsed", true), OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/search?q=matrix", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/me/notifications", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/settings/channels", null, OK, OK, OK, OK, OK),
                // the workspace's own settings: everyone reads them, only an admin changes them
                new Rule("GET", "/api/v1/settings/workspace", null, OK, OK, OK, OK, OK),
                new Rule(
                        "PATCH",
                        "/api/v1/settings/workspace",
                        Map.of("timeZone", "America/Toronto"),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/settings/workspace/logo", null, 404, 404, 404, 404, 404),
                new Rule("DELETE", "/api/v1/settings/workspace/logo", null, 404, NO, NO, NO, NO),
                // email sending settings: ADMIN only (the test email goes through the gateway: dry run → SIMULATED)
                new Rule("GET", "/api/v1/settings/email-sending", null, OK, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/settings/email-sending/identities", null, OK, NO, NO, NO, NO),
                new Rule("DELETE", "/api/v1/settings/email-sending/relay", null, 404, NO, NO, NO, NO),
                new Rule(
                        "PUT",
                        "/api/v1/settings/email-sending/relay",
                        Map.of("host", "not a host!", "port", 587),
                        400,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule(
                        "POST",
                        "/api/v1/settings/email-sending/identities",
                        Map.of("displayName", "Matrix", "address", "no-reply@localhost"),
                        CREATED,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule(
                        "PATCH",
                        "/api/v1/settings/email-sending/identities/{uuid}",
                        Map.of("displayName", "Matrix", "address", "no-reply@localhost"),
                        404,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("DELETE", "/api/v1/settings/email-sending/identities/{uuid}", null, 404, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/settings/email-sending/test", null, OK, NO, NO, NO, NO),
                // the user's own API keys: every role (a VIEWER's keys can only read)
                new Rule("GET", "/api/v1/api-keys", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/api-keys",
                        Map.of("name", "Matrix", "scopes", List.of("read"), "expiresInDays", 7),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED),
                new Rule("DELETE", "/api/v1/api-keys/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/me/notifications/unread-count", null, OK, OK, OK, OK, OK),
                // the user's own linked sign-in identities, and the public provider sign-in (none configured here)
                new Rule("GET", "/api/v1/me/identities", null, OK, OK, OK, OK, OK),
                // privacy requests about a contact: ADMIN only (an unknown contact is 404)
                new Rule("GET", "/api/v1/contacts/{uuid}/export", null, 404, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/contacts/{uuid}/erase", null, 404, NO, NO, NO, NO),
                new Rule("DELETE", "/api/v1/me/identities/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/auth/providers", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/auth/oidc/google/authorize",
                        Map.of("redirectUri", "https://app.example.com/cb"),
                        404,
                        404,
                        404,
                        404,
                        404),
                new Rule("POST", "/api/v1/me/notifications/read-all", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/api/v1/me/notifications/{uuid}/read", null, 404, 404, 404, 404, 404),
                // conversations: read by every role, answered and closed by ADMIN, OPERATOR and CLOSER
                new Rule("GET", "/api/v1/conversations", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/conversations/unread-count", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/conversations/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/me/conversations/{uuid}/read", null, 404, 404, 404, 404, 404),
                new Rule(
                        "POST",
                        "/api/v1/conversations/{uuid}/replies",
                        Map.of("bodyText", "Hi"),
                        404,
                        404,
                        404,
                        NO,
                        NO),
                new Rule("POST", "/api/v1/conversations/{uuid}/close", null, 404, 404, 404, NO, NO),
                new Rule("GET", "/api/v1/conversations?channel=WHATSAPP", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/conversations/{uuid}/messages", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/conversations/{uuid}/messages", Map.of("text", "Hi"), 404, 404, 404, NO, NO),
                new Rule(
                        "POST",
                        "/api/v1/conversations/{uuid}/template-messages",
                        Map.of("templateName", "hello", "language", "en_US", "parameters", List.of()),
                        404,
                        404,
                        404,
                        NO,
                        NO),
                new Rule("POST", "/api/v1/conversations/{uuid}/takeover", null, 404, 404, 404, NO, NO),
                new Rule("POST", "/api/v1/conversations/{uuid}/handback", null, 404, 404, 404, NO, NO),
                new Rule("GET", "/api/v1/conversations/{uuid}/ai-reply", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/conversations/{uuid}/follow-ups", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/conversations/{uuid}/orders", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/campaigns/{campaign}/conversation-settings", null, OK, OK, OK, OK, OK),
                new Rule(
                        "PUT",
                        "/api/v1/campaigns/{campaign}/conversation-settings",
                        Map.of("autoReply", false),
                        OK,
                        OK,
                        NO,
                        NO,
                        NO),
                // WhatsApp connection: ADMIN only
                new Rule("GET", "/api/v1/settings/whatsapp", null, OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/settings/whatsapp/test", null, 404, NO, NO, NO, NO),
                new Rule("PUT", "/api/v1/settings/whatsapp", Map.of("phoneNumberId", "12ab"), 400, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/settings/sms", null, OK, NO, NO, NO, NO),
                new Rule("PUT", "/api/v1/settings/sms", Map.of("accountSid", "AC12"), 400, NO, NO, NO, NO),
                // WhatsApp templates: everyone reads them, an admin syncs them and sets a campaign's re-engagement one
                new Rule("GET", "/api/v1/whatsapp/templates", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/api/v1/whatsapp/templates/sync", null, 404, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/campaigns/{campaign}/whatsapp", null, OK, OK, OK, OK, OK),
                // WhatsApp blasts: admins and operators start them, everyone watches; the rate is the admin's
                new Rule("POST", "/api/v1/campaigns/{campaign}/blast", Map.of(), 400, 400, NO, NO, NO),
                new Rule("GET", "/api/v1/campaigns/{campaign}/blasts", null, OK, OK, OK, OK, OK),
                // the WhatsApp simulator: admins and operators only
                new Rule("GET", "/api/v1/whatsapp/simulator/sessions", null, OK, OK, NO, NO, NO),
                new Rule(
                        "POST",
                        "/api/v1/whatsapp/simulator/sessions",
                        Map.of("campaignId", "00000000-0000-0000-0000-000000000001"),
                        400,
                        400,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/whatsapp/simulator/sessions/{uuid}", null, 404, 404, NO, NO, NO),
                new Rule(
                        "POST",
                        "/api/v1/whatsapp/simulator/sessions/{uuid}/messages",
                        Map.of("text", "hi"),
                        404,
                        404,
                        NO,
                        NO,
                        NO),
                new Rule("DELETE", "/api/v1/whatsapp/simulator/sessions/{uuid}", null, 404, 404, NO, NO, NO),
                new Rule("GET", "/api/v1/blasts/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/settings/whatsapp/blast-rate", null, OK, NO, NO, NO, NO),
                new Rule("PUT", "/api/v1/settings/whatsapp/blast-rate", Map.of("perSecond", 5), 404, NO, NO, NO, NO),
                new Rule(
                        "PUT",
                        "/api/v1/campaigns/{campaign}/whatsapp",
                        java.util.Collections.singletonMap("reengagementTemplate", null),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/campaigns/{campaign}", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/campaigns",
                        Map.of("name", "Matrix {uuid}"),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        NO),
                new Rule("PATCH", "/api/v1/campaigns/{campaign}", Map.of("objective", "x"), OK, OK, OK, OK, NO),
                new Rule(
                        "PATCH", "/api/v1/campaigns/{campaign}/status", Map.of("status", "ACTIVE"), OK, OK, OK, OK, NO),
                new Rule("POST", "/api/v1/campaigns/prompt-preview", Map.of("persona", Map.of()), OK, OK, OK, OK, NO),
                new Rule("GET", "/api/v1/contacts", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/contacts/{contact}", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/api/v1/contacts", Map.of("email", "m{uuid}@example.com"), OK, OK, OK, OK, NO),
                new Rule("PATCH", "/api/v1/contacts/{contact}", Map.of("company", "Acme"), OK, OK, OK, OK, NO),
                new Rule("GET", "/api/v1/contacts/{contact}/timeline", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/imports", null, OK, OK, OK, OK, OK),
                // knowledge: everyone reads and asks; writers add (422 here: this machine's address is refused by the
                // URL guard, past the permission check), re-ingest and delete (404: no such source)
                new Rule("GET", "/api/v1/knowledge/sources", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/knowledge/search?q=matrix", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/api/v1/knowledge/search", Map.of("q", "matrix"), OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/knowledge/sources/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/knowledge/sources/{uuid}/chunks", null, 404, 404, 404, 404, 404),
                new Rule(
                        "POST",
                        "/api/v1/knowledge/sources/url",
                        Map.of("url", "http://127.0.0.1/"),
                        422,
                        422,
                        422,
                        422,
                        NO),
                new Rule("POST", "/api/v1/knowledge/sources/{uuid}/reingest", null, 404, 404, 404, 404, NO),
                new Rule("DELETE", "/api/v1/knowledge/sources/{uuid}", null, 404, 404, 404, 404, NO),
                new Rule("GET", "/api/v1/knowledge/campaigns/{campaign}/sources", null, OK, OK, OK, OK, OK),
                new Rule(
                        "PUT",
                        "/api/v1/knowledge/campaigns/{campaign}/sources",
                        Map.of("everyWorkspaceSource", true),
                        OK,
                        OK,
                        OK,
                        OK,
                        NO),
                // products: everyone reads and searches; writers add, change and remove (404: no such product)
                new Rule("GET", "/api/v1/products", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/products/search?q=ring", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/products",
                        Map.of("name", "Matrix ring"),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        NO),
                new Rule("GET", "/api/v1/products/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("PATCH", "/api/v1/products/{uuid}", Map.of("name", "x"), 404, 404, 404, 404, NO),
                new Rule("DELETE", "/api/v1/products/{uuid}", null, 404, 404, 404, 404, NO),
                new Rule("GET", "/api/v1/products/{uuid}/image", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/products/{uuid}/image", null, 404, 404, 404, 404, NO),
                // revenue: everyone reads; ADMIN and CLOSER open, change and move deals and negotiate (404: no such
                // deal); the stages and the discount cap are ADMIN settings
                new Rule("GET", "/api/v1/deals", null, OK, OK, OK, OK, OK),
                // the sales agent's deal proposals (decided in the approval inbox; opened with an amount by closers)
                new Rule("GET", "/api/v1/deal-proposals", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/deal-proposals/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule(
                        "POST",
                        "/api/v1/deal-proposals/{uuid}/open",
                        Map.of("amount", 1, "currency", "EUR"),
                        404,
                        NO,
                        404,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/deals/pipeline", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/deals/forecast", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/deals",
                        Map.of("contactId", "{contact}", "amount", 10, "currency", "EUR"),
                        CREATED,
                        NO,
                        CREATED,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/deals/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("PATCH", "/api/v1/deals/{uuid}", Map.of("name", "x"), 404, NO, 404, NO, NO),
                new Rule("POST", "/api/v1/deals/{uuid}/stage", Map.of("stageId", "{uuid}"), 404, NO, 404, NO, NO),
                new Rule("GET", "/api/v1/deals/{uuid}/history", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/deals/{uuid}/negotiation", null, 404, 404, 404, 404, 404),
                new Rule(
                        "POST",
                        "/api/v1/deals/{uuid}/negotiation",
                        Map.of("who", "US", "amount", 1),
                        404,
                        NO,
                        404,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/settings/pipeline-stages", null, OK, OK, OK, OK, OK),
                new Rule("PUT", "/api/v1/settings/pipeline-stages", Map.of("stages", List.of()), 400, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/settings/revenue", null, OK, OK, OK, OK, OK),
                new Rule("PATCH", "/api/v1/settings/revenue", Map.of("maxDiscountPercent", 20), OK, NO, NO, NO, NO),
                // invoices: everyone reads; ADMIN and FINANCE draft, change, issue, take payments and credit (404: no
                // such invoice)
                new Rule("GET", "/api/v1/invoices", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/invoices",
                        Map.of("customerName", "Matrix", "currency", "EUR"),
                        CREATED,
                        NO,
                        NO,
                        CREATED,
                        NO),
                new Rule("GET", "/api/v1/invoices/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/invoices/{uuid}/pdf", null, 404, 404, 404, 404, 404),
                new Rule("PATCH", "/api/v1/invoices/{uuid}", Map.of("notes", "x"), 404, NO, NO, 404, NO),
                new Rule("POST", "/api/v1/invoices/{uuid}/issue", null, 404, NO, NO, 404, NO),
                new Rule("POST", "/api/v1/invoices/{uuid}/payments", Map.of("amount", 1), 404, NO, NO, 404, NO),
                new Rule("POST", "/api/v1/invoices/{uuid}/credit-note", Map.of("reason", "x"), 404, NO, NO, 404, NO),
                new Rule("POST", "/api/v1/invoices/{uuid}/send", null, 404, NO, NO, 404, NO),
                new Rule("GET", "/api/v1/invoices/{uuid}/messages", null, 404, 404, 404, 404, 404),
                // outbound webhooks: admins only (a receiver URL is a credential)
                new Rule("GET", "/api/v1/webhook-subscriptions", null, OK, NO, NO, NO, NO),
                new Rule(
                        "POST",
                        "/api/v1/webhook-subscriptions",
                        Map.of("url", "https://hooks.example.com/{uuid}", "eventTypes", List.of("lead.")),
                        CREATED,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/webhook-subscriptions/{uuid}", null, 404, NO, NO, NO, NO),
                new Rule(
                        "PATCH", "/api/v1/webhook-subscriptions/{uuid}", Map.of("enabled", false), 404, NO, NO, NO, NO),
                new Rule("DELETE", "/api/v1/webhook-subscriptions/{uuid}", null, 404, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/webhook-subscriptions/{uuid}/rotate-secret", null, 404, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/webhook-subscriptions/{uuid}/test", null, 404, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/webhook-subscriptions/{uuid}/deliveries", null, 404, NO, NO, NO, NO),
                // contracts: everyone reads; ADMIN and CLOSER draft, change, submit, send, sign and decline (404: no
                // such deal or contract)
                new Rule("GET", "/api/v1/deals/{uuid}/contracts", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/deals/{uuid}/contracts", Map.of(), 404, NO, 404, NO, NO),
                new Rule("GET", "/api/v1/contracts/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("PATCH", "/api/v1/contracts/{uuid}", Map.of("terms", "x"), 404, NO, 404, NO, NO),
                new Rule("POST", "/api/v1/contracts/{uuid}/submit", null, 404, NO, 404, NO, NO),
                new Rule("POST", "/api/v1/contracts/{uuid}/send", null, 404, NO, 404, NO, NO),
                new Rule("POST", "/api/v1/contracts/{uuid}/sign", Map.of("signedBy", "x"), 404, NO, 404, NO, NO),
                new Rule("POST", "/api/v1/contracts/{uuid}/decline", Map.of("reason", "x"), 404, NO, 404, NO, NO),
                new Rule("GET", "/api/v1/contracts/{uuid}/pdf", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/contracts/{uuid}/signed-copy", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/contracts/{uuid}/messages", null, 404, 404, 404, 404, 404),
                // dunning: everyone reads; ADMIN and FINANCE change the schedule, run the check and approve reminders
                new Rule("GET", "/api/v1/settings/dunning", null, OK, OK, OK, OK, OK),
                new Rule(
                        "PUT",
                        "/api/v1/settings/dunning",
                        Map.of("offsets", List.of(-3, 1, 7, 14, 30)),
                        OK,
                        NO,
                        NO,
                        OK,
                        NO),
                new Rule("POST", "/api/v1/dunning/run", null, OK, NO, NO, OK, NO),
                new Rule("GET", "/api/v1/invoices/{uuid}/reminders", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/reminders/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/reminders/{uuid}/approve", null, 404, NO, NO, 404, NO),
                new Rule("POST", "/api/v1/reminders/{uuid}/reject", Map.of("reason", "x"), 404, NO, NO, 404, NO),
                new Rule("GET", "/api/v1/dunning/reminders", null, OK, OK, OK, OK, OK),
                // sites: everyone reads; only an admin registers, changes, removes or rotates (credentials); writers
                // reprocess and preview; the ingest endpoint needs no account (404: no site has this key)
                new Rule("GET", "/api/v1/sites", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/sites",
                        Map.of("name", "Matrix site {uuid}", "auth", "SHARED_SECRET"),
                        CREATED,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/sites/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("PATCH", "/api/v1/sites/{uuid}", Map.of("name", "x"), 404, NO, NO, NO, NO),
                new Rule("DELETE", "/api/v1/sites/{uuid}", null, 404, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/sites/{uuid}/rotate-secret", null, 404, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/sites/{uuid}/events", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/sites/{uuid}/reprocess", Map.of(), 404, 404, 404, 404, NO),
                new Rule("POST", "/api/v1/sites/{uuid}/mapping/preview", Map.of(), 404, 404, 404, 404, NO),
                new Rule("GET", "/api/v1/ingest/events/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/ingest/events/{uuid}/reprocess", null, 404, 404, 404, 404, NO),
                new Rule(
                        "POST",
                        "/api/v1/ingest/no-such-site-key",
                        Map.of("email", "x@example.com"),
                        404,
                        404,
                        404,
                        404,
                        404),
                // voice calls: everyone reads calls and a site's voice settings; only an admin changes them; Vapi's
                // endpoint needs no account (401 for everyone: no Vapi secret or signature, whoever is signed in)
                new Rule("GET", "/api/v1/calls", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/calls/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/sites/{uuid}/voice", null, 404, 404, 404, 404, 404),
                new Rule("PUT", "/api/v1/sites/{uuid}/voice", Map.of("tools", List.of()), 404, NO, NO, NO, NO),
                new Rule(
                        "POST",
                        "/api/v1/webhooks/voice/vapi/no-such-site-key",
                        Map.of("message", Map.of("type", "status-update")),
                        401,
                        401,
                        401,
                        401,
                        401),
                new Rule("GET", "/api/v1/exports/contacts.csv", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/exports/leads.csv", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/contacts/{contact}/notes",
                        Map.of("text", "Called back"),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        NO),
                new Rule("GET", "/api/v1/leads", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/leads/pipeline", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/leads/{lead}", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/leads",
                        Map.of("campaignId", "{campaign}", "contact", Map.of("email", "l{uuid}@example.com")),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        NO),
                new Rule("PATCH", "/api/v1/leads/{lead}", Map.of("status", "ENRICHED"), OK, OK, OK, OK, NO),
                new Rule(
                        "POST",
                        "/api/v1/leads/{lead}/score-override",
                        Map.of("score", "A", "reason", "x"),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/drafts", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/drafts/{draft}", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/drafts/{draft}/versions", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/drafts",
                        Map.of("campaignId", "{campaign}", "channel", "SMS", "bodyText", "hi"),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        NO),
                new Rule("PATCH", "/api/v1/drafts/{openDraft}", Map.of("status", "NEEDS_APPROVAL"), OK, OK, NO, NO, NO),
                new Rule("POST", "/api/v1/drafts/{draft}/approve", null, OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/drafts/{draft}/reject", Map.of("reason", "x"), OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/drafts/{draft}/request-changes", Map.of("notes", "x"), OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/drafts/{draft}/edit-inline-approve", Map.of("body", "x"), OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/drafts/{draft}/approve-with-notes", Map.of("notes", "x"), OK, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/approvals/inbox", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/approvals", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/approvals/inbox?channel=SMS&q=hello", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/approvals/inbox/facets", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/approvals/bulk",
                        Map.of("decision", "REJECT", "draftIds", List.of("{draft}"), "reason", "x"),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/tasks", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/tasks/{task}", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/tasks/{task}/replay", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/api/v1/tasks", Map.of("title", "t"), CREATED, CREATED, CREATED, CREATED, NO),
                new Rule("PATCH", "/api/v1/tasks/{task}", Map.of("column", "DOING"), OK, OK, OK, OK, NO),
                new Rule("PATCH", "/api/v1/tasks/{task}", Map.of("column", "DONE"), OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/tasks/{task}/progress", Map.of("message", "x"), OK, OK, OK, OK, NO),
                new Rule("GET", "/api/v1/agents", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/agents/{agent}", null, OK, OK, OK, OK, OK),
                new Rule("PATCH", "/api/v1/agents/{agent}", Map.of("status", "PAUSED"), OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/agents/daily_briefer/run", null, ACCEPTED, ACCEPTED, NO, NO, NO),
                new Rule("POST", "/api/v1/agents/sales_agent/run", null, ACCEPTED, ACCEPTED, NO, NO, NO),
                // the sequential pipeline (a second start while the first is unfinished is the 409 below)
                new Rule("POST", "/api/v1/pipeline/run", null, ACCEPTED, ACCEPTED, NO, NO, NO),
                new Rule("GET", "/api/v1/pipeline/runs", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/pipeline/runs/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/runs", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/metrics/agents", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/briefs", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/agent-settings", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/agents/lead_researcher/preview", null, OK, OK, OK, OK, OK),
                new Rule("PUT", "/api/v1/agent-settings", Map.of("autoApprove", List.of()), OK, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/companies", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/companies",
                        Map.of("domain", "m{uuid}.example.com", "name", "M"),
                        OK,
                        OK,
                        OK,
                        OK,
                        NO),
                new Rule("GET", "/api/v1/scheduler/jobs", null, OK, OK, OK, OK, OK),
                new Rule("PATCH", "/api/v1/scheduler/jobs/{job}", Map.of("name", "Renamed"), OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/scheduler/jobs/{job}/run-now", null, ACCEPTED, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/scheduler/runs", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/prompts", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/prompts/rewrite/automatic-use",
                        Map.of("version", 1, "approved", false),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule(
                        "PATCH",
                        "/api/v1/prompts/rewrite",
                        Map.of("template", "Rewrite: {{text}} {{instruction}}"),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/logs/llm", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/api/v1/ai/score", Map.of("text", "Hello there"), OK, OK, NO, NO, NO),
                new Rule("GET", "/api/v1/emails", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/emails/inbound", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/campaigns/{campaign}/prospects", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/campaigns/{campaign}/email-settings", null, OK, OK, OK, OK, OK),
                new Rule(
                        "PUT",
                        "/api/v1/campaigns/{campaign}/email-settings",
                        Map.of("fromEmail", "no-reply@localhost"),
                        OK,
                        OK,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/campaigns/{campaign}/tracking", null, OK, OK, OK, OK, OK),
                new Rule(
                        "PUT", "/api/v1/campaigns/{campaign}/tracking", Map.of("trackLinks", true), OK, OK, NO, NO, NO),
                new Rule("GET", "/api/v1/settings/webhooks", null, OK, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/settings/webhooks/rotate", null, OK, NO, NO, NO, NO),
                // inbound email (Postmark): only an admin sees or changes the setting (DELETE first: not connected
                // yet, 404); the webhook needs no account, a wrong key or credential is 403 whoever is signed in
                new Rule("GET", "/api/v1/settings/email/inbound", null, OK, NO, NO, NO, NO),
                new Rule("DELETE", "/api/v1/settings/email/inbound", null, 404, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/settings/email/inbound/postmark", null, OK, NO, NO, NO, NO),
                new Rule(
                        "POST",
                        "/api/v1/webhooks/email/postmark/nosuchinboundkey000000000",
                        Map.of("MessageID", "00000000-0000-0000-0000-000000000000"),
                        NO,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule(
                        "POST",
                        "/api/v1/webhooks/email/postmark/nosuchinboundkey000000000/events",
                        Map.of("RecordType", "Bounce", "ID", 1),
                        NO,
                        NO,
                        NO,
                        NO,
                        NO),
                // inbound email (Resend): only an admin sees or changes the setting (DELETE first: not connected
                // yet, 404); the webhook needs no account, a missing or wrong Svix signature is 401 whoever is signed
                // in
                new Rule("GET", "/api/v1/settings/email/inbound/resend", null, OK, NO, NO, NO, NO),
                new Rule("DELETE", "/api/v1/settings/email/inbound/resend", null, 404, NO, NO, NO, NO),
                new Rule(
                        "PUT",
                        "/api/v1/settings/email/inbound/resend",
                        Map.of(
                                "webhookSecret",
                                "whsec_cm9sZS1tYXRyaXgtc2lnbmluZy1zZWNyZXQ=",
                                "apiKey",
                                "re_rolematrix_0000"),
                        OK,
                        NO,
                        NO,
                        NO,
                        NO),
                new Rule(
                        "POST",
                        "/api/v1/webhooks/email/resend/nosuchinboundkey000000000",
                        Map.of("type", "email.received", "data", Map.of("email_id", "none")),
                        401,
                        401,
                        401,
                        401,
                        401),
                new Rule("GET", "/api/v1/dashboard/stats", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/dashboard/timeline", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/dashboard/momentum", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/dashboard/campaigns", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/templates", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/templates",
                        Map.of("title", "M {uuid}", "content", Map.of("subject", "Hi", "body", "<p>Hi</p>")),
                        CREATED,
                        CREATED,
                        NO,
                        NO,
                        NO),
                new Rule("GET", "/api/v1/emails/drafts", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/api/v1/emails/prospects?q=matrix", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/emails/draft",
                        Map.of("id", "{uuid}", "subject", "x", "bodyHtml", "<p>x</p>"),
                        OK,
                        OK,
                        OK,
                        NO,
                        NO),
                new Rule(
                        "POST",
                        "/api/v1/emails/send",
                        Map.of("draftId", "{uuid}", "toEmail", "x@example.com"),
                        400,
                        400,
                        400,
                        NO,
                        NO),
                new Rule("POST", "/api/v1/emails/{uuid}/send-for-real", null, 404, 404, 404, NO, NO),
                // uncertain sends: only admins and operators decide (404 here: no such message)
                new Rule("POST", "/api/v1/emails/{uuid}/mark-sent", null, 404, 404, NO, NO, NO),
                new Rule("POST", "/api/v1/emails/{uuid}/send-again", null, 404, 404, NO, NO, NO),
                new Rule("POST", "/api/v1/outbound/{uuid}/mark-sent", null, 404, 404, NO, NO, NO),
                new Rule("POST", "/api/v1/outbound/{uuid}/send-again", null, 404, 404, NO, NO, NO),
                // the operator console is for instance operators, never for a workspace role (OperatorConsoleApiTest)
                new Rule("GET", "/api/v1/operator/workspaces", null, NO, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/operator/installation", null, NO, NO, NO, NO, NO),
                new Rule("GET", "/api/v1/operator/operators", null, NO, NO, NO, NO, NO),
                new Rule("POST", "/api/v1/operator/workspaces/{uuid}/approve-outbound", null, NO, NO, NO, NO, NO),
                new Rule(
                        "PUT",
                        "/api/v1/operator/workspaces/{uuid}/limits",
                        Map.of("hourlySendLimit", 1),
                        NO,
                        NO,
                        NO,
                        NO,
                        NO),
                // sequences: everyone reads; every role but VIEWER builds, enrols, pauses, resumes and stops
                new Rule("GET", "/api/v1/sequences", null, OK, OK, OK, OK, OK),
                new Rule(
                        "POST",
                        "/api/v1/sequences",
                        Map.of("campaignId", "{campaign}", "name", "Matrix", "steps", List.of()),
                        CREATED,
                        CREATED,
                        CREATED,
                        CREATED,
                        NO),
                new Rule("GET", "/api/v1/sequences/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("PATCH", "/api/v1/sequences/{uuid}", Map.of("name", "x"), 404, 404, 404, 404, NO),
                new Rule("GET", "/api/v1/sequences/{uuid}/enrolments", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/api/v1/sequences/{uuid}/stats", null, 404, 404, 404, 404, 404),
                new Rule(
                        "POST",
                        "/api/v1/sequences/{uuid}/enrolments",
                        Map.of("leadIds", List.of("{lead}")),
                        404,
                        404,
                        404,
                        404,
                        NO),
                new Rule("GET", "/api/v1/enrolments/{uuid}", null, 404, 404, 404, 404, 404),
                new Rule("POST", "/api/v1/enrolments/{uuid}/pause", null, 404, 404, 404, 404, NO),
                new Rule("POST", "/api/v1/enrolments/{uuid}/resume", null, 404, 404, 404, 404, NO),
                new Rule("POST", "/api/v1/enrolments/{uuid}/stop", null, 404, 404, 404, 404, NO));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsTheExpectedStatusOnEveryEndpoint() {
        Api api = api();
        Api.Session admin = api.signup();
        Map<String, Api.Session> sessions = new HashMap<>();
        sessions.put("ADMIN", admin);
        for (String role : ROLES.subList(1, ROLES.size())) {
            sessions.put(role, api.addUser(admin, role));
        }
        return rules().stream()
                .flatMap(rule -> ROLES.stream()
                        .map(role -> DynamicTest.dynamicTest(
                                role + " " + rule.method() + " " + rule.path()
                                        + (rule.body() == null ? "" : " " + rule.body()),
                                () -> {
                                    Map<String, String> ids = fixture(api, admin, placeholders(rule));
                                    String path = fill(rule.path(), ids);
                                    Object body = rule.body() == null ? null : fillBody(rule.body(), ids);
                                    Api.Response response = api.send(
                                            rule.method(),
                                            path,
                                            sessions.get(role).accessToken(),
                                            body,
                                            Map.of());
                                    int expected = rule.expected(role);
                                    // an agent allows one RUNNING run: when the previous role's run is still going,
                                    // the 409 naming it shows this role got past the permission check too
                                    if (expected == ACCEPTED
                                            && path.endsWith("/run")
                                            && response.status() == 409
                                            && (response.body().contains("already has a run RUNNING")
                                                    || response.body().contains("already has a run QUEUED"))) {
                                        return;
                                    }
                                    assertThat(response.status())
                                            .as("%s %s %s -> %s", role, rule.method(), path, response.body())
                                            .isEqualTo(expected);
                                })));
    }

    /**
     * The WhatsApp conversation pages (the thread, the reply box and its template picker) as each role's browser
     * gets them (session cookie, CSRF token); {@code {conversation}} is a conversation of the workspace, {@code
     * {uuid}} an unknown one. The picker reads for every role and sends for ADMIN, OPERATOR and CLOSER: on this email
     * conversation their send gets past the permission check and is refused for what it is (400 without a key, 422
     * not WhatsApp).
     */
    static List<Rule> pageRules() {
        return List.of(
                new Rule("GET", "/conversations", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/conversations/{conversation}", null, OK, OK, OK, OK, OK),
                new Rule("GET", "/conversations/{conversation}/thread", null, OK, OK, OK, OK, OK),
                new Rule("POST", "/conversations/{conversation}/reply", "text=Hi", 400, 400, 400, NO, NO),
                new Rule("GET", "/conversations/{conversation}/template", null, OK, OK, OK, OK, OK),
                new Rule(
                        "GET",
                        "/conversations/{conversation}/template?name=hello&language=en_US",
                        null,
                        OK,
                        OK,
                        OK,
                        OK,
                        OK),
                new Rule(
                        "GET",
                        "/conversations/{conversation}/template/preview?name=hello&language=en_US&parameters=A",
                        null,
                        OK,
                        OK,
                        OK,
                        OK,
                        OK),
                new Rule(
                        "POST",
                        "/conversations/{conversation}/template",
                        "name=hello&language=en_US&key=matrix",
                        422,
                        422,
                        422,
                        NO,
                        NO),
                new Rule("POST", "/conversations/{conversation}/template", "name=hello", 400, 400, 400, NO, NO),
                new Rule("GET", "/conversations/{uuid}/template", null, 404, 404, 404, 404, 404),
                new Rule("GET", "/conversations/{uuid}/template/preview", null, 404, 404, 404, 404, 404),
                new Rule(
                        "POST",
                        "/conversations/{uuid}/template",
                        "name=hello&language=en_US&key=matrix",
                        404,
                        404,
                        404,
                        NO,
                        NO));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsTheExpectedStatusOnTheConversationPages() {
        Api api = api();
        Api.Session admin = api.signup();
        Map<String, Api.Session> sessions = new HashMap<>();
        sessions.put("ADMIN", admin);
        for (String role : ROLES.subList(1, ROLES.size())) {
            sessions.put(role, api.addUser(admin, role));
        }
        Map<String, String> ids = Map.of(
                "conversation",
                ai.revo.missioncontrol.conversations.ConversationFixture.conversation(
                        api, ai.revo.missioncontrol.support.TestDatabase.shared(), admin));
        Map<String, ai.revo.missioncontrol.support.PageClient> browsers = new HashMap<>();
        return pageRules().stream()
                .flatMap(rule -> ROLES.stream()
                        .map(role -> DynamicTest.dynamicTest(
                                role + " " + rule.method() + " " + rule.path()
                                        + (rule.body() == null ? "" : " " + rule.body()),
                                () -> {
                                    ai.revo.missioncontrol.support.PageClient browser = browsers.computeIfAbsent(
                                            role,
                                            r -> ai.revo.missioncontrol.support.PageClient.signIn(
                                                    port,
                                                    sessions.get(r).email(),
                                                    sessions.get(r).password()));
                                    String path = fill(rule.path(), ids);
                                    java.net.http.HttpResponse<String> response =
                                            rule.method().equals("GET")
                                                    ? browser.get(path)
                                                    : browser.post(
                                                            path,
                                                            "application/x-www-form-urlencoded",
                                                            String.valueOf(rule.body())
                                                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                    assertThat(response.statusCode())
                                            .as("%s %s %s -> %s", role, rule.method(), path, response.body())
                                            .isEqualTo(rule.expected(role));
                                })));
    }

    /** The fixture ids a rule's path and body name ({@code {campaign}}, {@code {draft}} …). */
    static Set<String> placeholders(Rule rule) {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(rule.path() + " " + rule.body());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /**
     * Fresh data for one call: only what the rule names is created (a rule without ids needs none), and each call
     * gets its own, so a rule that deletes or changes something never affects another role's call.
     */
    private static Map<String, String> fixture(Api api, Api.Session admin, Set<String> needed) {
        String t = admin.accessToken();
        Map<String, String> ids = new HashMap<>();
        if (needed.contains("job")) {
            ids.put(
                    "job",
                    api.get("/api/v1/scheduler/jobs", t)
                            .expect(200)
                            .json()
                            .path("data")
                            .get(0)
                            .path("id")
                            .asText());
        }
        boolean leadNeeded = needed.contains("lead") || needed.contains("contact");
        boolean draftNeeded = needed.contains("draft") || needed.contains("openDraft");
        if (needed.contains("campaign") || leadNeeded || draftNeeded) {
            ids.put(
                    "campaign",
                    api.post("/api/v1/campaigns", t, Map.of("name", "Fixture " + UUID.randomUUID()))
                            .expect(201)
                            .json()
                            .path("id")
                            .asText());
        }
        if (leadNeeded) {
            var lead = api.post(
                            "/api/v1/leads",
                            t,
                            Map.of(
                                    "campaignId",
                                    ids.get("campaign"),
                                    "contact",
                                    Map.of("email", "f" + UUID.randomUUID() + "@example.com")))
                    .expect(201)
                    .json();
            ids.put("lead", lead.path("id").asText());
            ids.put("contact", lead.path("contactId").asText());
        }
        if (needed.contains("openDraft")) {
            ids.put(
                    "openDraft",
                    api.post(
                                    "/api/v1/drafts",
                                    t,
                                    Map.of("campaignId", ids.get("campaign"), "channel", "SMS", "bodyText", "hello"))
                            .expect(201)
                            .json()
                            .path("id")
                            .asText());
        }
        if (needed.contains("draft")) {
            String draft = api.post(
                            "/api/v1/drafts",
                            t,
                            Map.of("campaignId", ids.get("campaign"), "channel", "SMS", "bodyText", "hello"))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            api.patch("/api/v1/drafts/" + draft, t, Map.of("status", "NEEDS_APPROVAL"))
                    .expect(200);
            ids.put("draft", draft);
        }
        if (needed.contains("task")) {
            ids.put(
                    "task",
                    api.post("/api/v1/tasks", t, Map.of("title", "Fixture"))
                            .expect(201)
                            .json()
                            .path("id")
                            .asText());
        }
        if (needed.contains("agent")) {
            var agents = api.get("/api/v1/agents", t).json().path("data");
            for (var a : agents) {
                if (!a.path("status").asText().equals("PAUSED")) {
                    ids.put("agent", a.path("id").asText());
                    break;
                }
            }
        }
        return ids;
    }

    private static String fill(String template, Map<String, String> ids) {
        String out = template.replace("{uuid}", UUID.randomUUID().toString());
        for (var e : ids.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object fillBody(Object body, Map<String, String> ids) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> out = new HashMap<>();
            map.forEach((k, v) -> out.put((String) k, fillBody(v, ids)));
            return out;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(e -> fillBody(e, ids)).toList();
        }
        return body instanceof String s ? fill(s, ids) : body;
    }
}

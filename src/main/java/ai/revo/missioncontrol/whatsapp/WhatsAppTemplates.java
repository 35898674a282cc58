package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WhatsAppGraph;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workspace's message templates, synced from its WhatsApp Business account (on demand, hourly, after a
 * template error and by Meta's template status webhook). Only APPROVED templates may be sent, and a send is counted
 * against the template's placeholders before it reaches Meta. The Graph API is called outside any transaction.
 */
@Service
public class WhatsAppTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final WhatsAppNumberRepository numbers;
    private final SecretCipher cipher;
    private final WhatsAppGraph graph;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WhatsAppTemplateSync queue;
    private final ProviderAlerts alerts;

    WhatsAppTemplates(
            WhatsAppNumberRepository numbers,
            SecretCipher cipher,
            WhatsAppGraph graph,
            JdbcClient jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            WhatsAppTemplateSync queue,
            ProviderAlerts alerts) {
        this.alerts = alerts;
        this.numbers = numbers;
        this.cipher = cipher;
        this.graph = graph;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.queue = queue;
    }

    /** What a sync found: every template of the account, the approved ones, those no longer listed. */
    public record SyncResult(boolean ok, int templates, int approved, int removed, String error) {}

    /**
     * Reads every template of the business account and records it; a template the account no longer lists becomes
     * DELETED. Never throws for what Meta answers: the result says it (a rejected token, 190, also stops the number
     * sending and alerts). 404 when no number is connected.
     */
    public SyncResult sync(TenantId tenant, String trigger, Actor actor) {
        return TenantContext.callAs(tenant.value(), () -> {
            WhatsAppNumber number = tx.execute(s -> numbers.findByTenantId(tenant))
                    .orElseThrow(() -> ApiException.notFound("WhatsApp number", "of this workspace"));
            String token = cipher.open(number.accessTokenSealed(), WhatsAppSettings.tokenContext(tenant));
            List<WhatsAppGraph.GraphTemplate> found;
            try {
                found = graph.templates(number.businessAccountId(), token);
            } catch (WhatsAppGraph.GraphCallFailed e) {
                SyncResult failed = new SyncResult(false, 0, 0, 0, e.getMessage());
                tx.executeWithoutResult(s -> events.publishEvent(
                        new WhatsAppTemplatesSynced(tenant.value(), false, 0, 0, 0, trigger, e.getMessage(), actor)));
                if (e.code() == 190) {
                    alerts.reported(tenant, e.code(), e.getMessage(), null);
                }
                return failed;
            }
            return tx.execute(s -> record(tenant, found, trigger, actor));
        });
    }

    private SyncResult record(TenantId tenant, List<WhatsAppGraph.GraphTemplate> found, String trigger, Actor actor) {
        Instant now = clock.instant();
        Map<String, String> before = new HashMap<>();
        jdbc.sql("select name, language, status from whatsapp_templates where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> before.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3)))
                .list();
        Set<String> seen = new LinkedHashSet<>();
        int approved = 0;
        for (WhatsAppGraph.GraphTemplate t : found) {
            if (t.name() == null || t.language() == null || !seen.add(t.name() + "\u0000" + t.language())) {
                continue;
            }
            String status = t.status() == null ? "UNKNOWN" : t.status().toUpperCase(Locale.ROOT);
            approved += "APPROVED".equals(status) ? 1 : 0;
            Shape shape = shape(t.components());
            UUID id = jdbc.sql("""
                    insert into whatsapp_templates (id, tenant_id, provider_template_id, name, language, category,
                        status, reason, components, body_text, body_parameters, header_parameters, synced_at,
                        created_at, updated_at)
                    values (:id, :tenant, :provider, :name, :language, :category, :status, :reason,
                        cast(:components as jsonb), :body, :bodyParameters, :headerParameters, :now, :now, :now)
                    on conflict (tenant_id, name, language) do update set
                        provider_template_id = excluded.provider_template_id, category = excluded.category,
                        status = excluded.status, reason = excluded.reason, components = excluded.components,
                        body_text = excluded.body_text, body_parameters = excluded.body_parameters,
                        header_parameters = excluded.header_parameters, synced_at = excluded.synced_at,
                        version = whatsapp_templates.version + 1, updated_at = excluded.updated_at
                    returning id""")
                    .param("id", UUID.randomUUID())
                    .param("tenant", tenant.value())
                    .param("provider", t.id())
                    .param("name", t.name())
                    .param("language", t.language())
                    .param("category", t.category())
                    .param("status", status)
                    .param("reason", t.reason())
                    .param("components", t.components())
                    .param("body", shape.bodyText())
                    .param("bodyParameters", shape.bodyParameters())
                    .param("headerParameters", shape.headerParameters())
                    .param("now", Timestamp.from(now))
                    .query(UUID.class)
                    .single();
            String was = before.get(t.name() + "\u0000" + t.language());
            if (!status.equals(was)) {
                events.publishEvent(new WhatsAppTemplateStatusChanged(
                        tenant.value(), id, t.name(), t.language(), was, status, t.reason()));
            }
        }
        int removed = 0;
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!seen.contains(e.getKey()) && !"DELETED".equals(e.getValue())) {
                String[] key = e.getKey().split("\u0000", 2);
                removed += jdbc.sql("""
                                update whatsapp_templates set status = 'DELETED', synced_at = ?, updated_at = ?,
                                    version = version + 1
                                where tenant_id = ? and name = ? and language = ?""")
                        .params(Timestamp.from(now), Timestamp.from(now), tenant.value(), key[0], key[1])
                        .update();
            }
        }
        events.publishEvent(new WhatsAppTemplatesSynced(
                tenant.value(), true, seen.size(), approved, removed, trigger, null, actor));
        return new SyncResult(true, seen.size(), approved, removed, null);
    }

    /**
     * Meta's template status webhook: moves the template named by its id (or name and language) to {@code status}.
     * A template not synced yet asks for a sync instead. Joins the caller's transaction.
     */
    @Transactional
    public void statusUpdated(
            TenantId tenant, String providerTemplateId, String name, String language, String status, String reason) {
        String s = status == null ? "UNKNOWN" : status.toUpperCase(Locale.ROOT);
        record Row(UUID id, String name, String language, String status) {}
        Optional<Row> row = jdbc.sql("""
                        select id, name, language, status from whatsapp_templates
                        where tenant_id = :tenant and ((:provider is not null and provider_template_id = :provider)
                            or (name = :name and language = :language))
                        order by (provider_template_id = :provider) desc nulls last limit 1""")
                .param("tenant", tenant.value())
                .param("provider", providerTemplateId)
                .param("name", name == null ? "" : name)
                .param("language", language == null ? "" : language)
                .query((rs, n) ->
                        new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (row.isEmpty()) {
            requestSync(tenant, "WEBHOOK");
            return;
        }
        Row r = row.get();
        if (s.equals(r.status())) {
            return;
        }
        jdbc.sql("""
                        update whatsapp_templates set status = ?, reason = ?, version = version + 1, updated_at = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        s,
                        reason == null || "NONE".equalsIgnoreCase(reason) ? null : reason,
                        Timestamp.from(clock.instant()),
                        tenant.value(),
                        r.id())
                .update();
        events.publishEvent(new WhatsAppTemplateStatusChanged(
                tenant.value(), r.id(), r.name(), r.language(), r.status(), s, reason));
    }

    /** Asks for a sync as durable background work (one pending per workspace); joins the caller's transaction. */
    public void requestSync(TenantId tenant, String trigger) {
        queue.request(tenant, trigger);
    }

    /** The workspace's templates by name and language; {@code approvedOnly} leaves out those that cannot be sent. */
    @Transactional(readOnly = true)
    public List<WhatsAppTemplateView> list(TenantId tenant, boolean approvedOnly) {
        return jdbc.sql("select * from whatsapp_templates where tenant_id = ?"
                        + (approvedOnly ? " and status = 'APPROVED' and header_parameters = 0" : "")
                        + " order by name, language")
                .param(tenant.value())
                .query((rs, n) -> new WhatsAppTemplateView(
                        rs.getObject("id", UUID.class),
                        rs.getString("provider_template_id"),
                        rs.getString("name"),
                        rs.getString("language"),
                        rs.getString("category"),
                        rs.getString("status"),
                        rs.getString("reason"),
                        rs.getString("body_text"),
                        rs.getInt("body_parameters"),
                        rs.getInt("header_parameters"),
                        rs.getTimestamp("synced_at").toInstant()))
                .list();
    }

    /** Why this template may not go with {@code parameters} body parameters; empty when it may. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(TenantId tenant, String name, String language, int parameters) {
        Optional<WhatsAppTemplateView> t = list(tenant, false).stream()
                .filter(v -> v.name().equals(name) && v.language().equals(language))
                .findFirst();
        if (t.isEmpty()) {
            return Optional.of("The template " + name + " (" + language + ") is not among the synced templates of"
                    + " this WhatsApp Business account: sync the templates, or check its name and language");
        }
        WhatsAppTemplateView v = t.get();
        if (!"APPROVED".equals(v.status())) {
            return Optional.of("The template " + name + " (" + language + ") is " + v.status() + ", not APPROVED"
                    + (v.reason() == null ? "" : " (" + v.reason() + ")"));
        }
        if (v.headerParameters() > 0) {
            return Optional.of("The template " + name + " (" + language + ") needs " + v.headerParameters()
                    + " header parameter(s), which sending does not support");
        }
        if (v.bodyParameters() != parameters) {
            return Optional.of("The template " + name + " (" + language + ") takes " + v.bodyParameters()
                    + " parameter(s), " + parameters + " given");
        }
        return Optional.empty();
    }

    /**
     * The body with {@code parameters} in its placeholders, as the person reads it: positional ones ({{1}}, {{2}})
     * take the parameter of their number, named ones the parameters in the order they first appear. A placeholder
     * without a (non-blank) parameter stays as it is written.
     */
    public static String render(String bodyText, List<String> parameters) {
        if (bodyText == null) {
            return "";
        }
        List<String> values = parameters == null ? List.of() : parameters;
        List<String> names = new java.util.ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(bodyText);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        boolean positional = names.stream()
                .allMatch(n ->
                        n.matches("[0-9]{1,3}") && Integer.parseInt(n) >= 1 && Integer.parseInt(n) <= names.size());
        StringBuilder out = new StringBuilder();
        m = PLACEHOLDER.matcher(bodyText);
        while (m.find()) {
            int index = positional ? Integer.parseInt(m.group(1)) - 1 : names.indexOf(m.group(1));
            String value = index < values.size() ? values.get(index) : null;
            m.appendReplacement(
                    out, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value.strip()));
        }
        m.appendTail(out);
        return out.toString();
    }

    record Shape(String bodyText, int bodyParameters, int headerParameters) {}

    /** The body's text and how many distinct placeholders ({{1}} or {{name}}) the body and a text header hold. */
    Shape shape(String components) {
        String body = null;
        int bodyParameters = 0;
        int headerParameters = 0;
        try {
            for (JsonNode c : json.readTree(components == null ? "[]" : components)) {
                String type = c.path("type").asText("").toUpperCase(Locale.ROOT);
                String text = c.path("text").asText(null);
                if ("BODY".equals(type)) {
                    body = text;
                    bodyParameters = placeholders(text);
                } else if ("HEADER".equals(type)
                        && "TEXT".equalsIgnoreCase(c.path("format").asText("TEXT"))) {
                    headerParameters = placeholders(text);
                }
            }
        } catch (java.io.IOException e) {
            return new Shape(null, 0, 0);
        }
        return new Shape(body, bodyParameters, headerParameters);
    }

    static int placeholders(String text) {
        if (text == null) {
            return 0;
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.size();
    }
}

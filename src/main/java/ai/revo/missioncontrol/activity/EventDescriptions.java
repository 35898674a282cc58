package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.TenantScoped;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns events and audit entries into one line a person reads: the sentence for the event's type (from
 * {@code activity/descriptions.properties}) with names in place of ids. Names are resolved for a whole page at once,
 * one query per kind of name (contacts, leads, campaigns, ...), never one per row.
 */
@Component
class EventDescriptions {

    /** Payload fields that hold the id of a thing some module can name, and the kind of that thing. */
    private static final Map<String, String> ID_FIELDS = Map.of(
            "contactId", "contact",
            "leadId", "lead",
            "campaignId", "campaign",
            "taskId", "task",
            "draftId", "draft",
            "userId", "user",
            "agent", "agent");

    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)(?:\\|([^|}]*)\\|([^}]*))?}");
    private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}");
    private static final int LONG_TEXT = 140;

    private final Map<String, EntityNames> sources;
    private final Properties sentences = new Properties();

    EventDescriptions(List<EntityNames> sources) {
        this.sources = sources.stream().collect(Collectors.toMap(EntityNames::kind, s -> s, (a, b) -> a));
        try (InputStream in = EventDescriptions.class.getResourceAsStream("/activity/descriptions.properties")) {
            sentences.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<FeedRow> describe(TenantScoped tenant, List<EventEnvelope> events) {
        Wanted wanted = new Wanted();
        for (EventEnvelope e : events) {
            wanted.entity(e.entityType(), e.entityId());
            wanted.add("campaign", e.campaignId());
            wanted.add("task", e.taskId());
            wanted.actor(e.actor());
            wanted.fields(e.payload());
        }
        Names names = resolve(tenant, wanted);
        List<FeedRow> rows = new ArrayList<>(events.size());
        for (EventEnvelope e : events) {
            Map<String, Object> values = new HashMap<>(e.payload());
            if (e.campaignId() != null) {
                values.putIfAbsent("campaignId", e.campaignId().toString());
            }
            if (e.taskId() != null) {
                values.putIfAbsent("taskId", e.taskId().toString());
            }
            String who = names.actor(e.actor());
            rows.add(new FeedRow(e, sentence(e.type(), e.entityType(), e.entityId(), values, who, names), who));
        }
        return rows;
    }

    /** {@code eventValues}: the payload of the event each entry was written with, by entry id, where still kept. */
    List<AuditRow> describeAudit(
            TenantScoped tenant, List<AuditEntry> entries, Map<java.util.UUID, Map<String, Object>> eventValues) {
        Wanted wanted = new Wanted();
        List<Map<String, Object>> valuesOf = new ArrayList<>(entries.size());
        for (AuditEntry a : entries) {
            Map<String, Object> values = new HashMap<>(eventValues.getOrDefault(a.id(), Map.of()));
            auditValues(a).forEach(values::putIfAbsent);
            valuesOf.add(values);
            wanted.entity(a.entityType(), a.entityId());
            wanted.actor(a.actor());
            wanted.fields(values);
        }
        Names names = resolve(tenant, wanted);
        List<AuditRow> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry a = entries.get(i);
            String who = names.actor(a.actor());
            rows.add(new AuditRow(
                    a,
                    sentence(a.action(), a.entityType(), a.entityId(), valuesOf.get(i), who, names),
                    who,
                    names.of(a.entityType(), a.entityId())));
        }
        return rows;
    }

    /** The audit entry's state after (else before) as flat values, with the status and role it moved from. */
    private static Map<String, Object> auditValues(AuditEntry a) {
        Map<String, Object> values = new HashMap<>();
        flatten(a.before(), values);
        Map<String, Object> before = new HashMap<>(values);
        values.clear();
        flatten(a.after(), values);
        before.forEach(values::putIfAbsent);
        Object from = before.get("status");
        Object to = a.after() == null ? null : values.get("status");
        if (from != null && to != null && !from.equals(to)) {
            values.putIfAbsent("from", from);
            values.putIfAbsent("to", to);
            values.putIfAbsent("previousStatus", from);
        }
        Object role = before.get("role");
        if (role != null && a.after() != null && !role.equals(values.get("role"))) {
            values.putIfAbsent("previousRole", role);
        }
        return values;
    }

    private static void flatten(JsonNode node, Map<String, Object> into) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isTextual()) {
                into.put(f.getKey(), v.asText());
            } else if (v.isNumber() || v.isBoolean()) {
                into.put(f.getKey(), v.isBoolean() ? v.asBoolean() : v.numberValue());
            }
        }
        // a snapshot names its own id "id"; the entity's name comes from the entity itself
    }

    private String sentence(
            String type, String entityType, String entityId, Map<String, Object> values, String who, Names names) {
        Function<String, String> value = key -> value(key, entityType, entityId, values, who, names);
        String pattern = sentences.getProperty(type);
        if (pattern == null) {
            String entity = names.of(entityType, entityId);
            return capitalise(humanise(type) + (entity == null ? "" : ": " + entity));
        }
        return capitalise(render(pattern, value));
    }

    /** Fills a sentence: an optional part in brackets only when all its values are known. */
    static String render(String pattern, Function<String, String> value) {
        Matcher optional = OPTIONAL.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (optional.find()) {
            String part = fill(optional.group(1), value);
            optional.appendReplacement(out, Matcher.quoteReplacement(part == null ? "" : part));
        }
        optional.appendTail(out);
        String filled = fill(out.toString(), key -> {
            String v = value.apply(key);
            return v == null ? "…" : v;
        });
        return filled.replaceAll("\\s{2,}", " ").strip();
    }

    /** The text with its placeholders filled, or null when one of them has no value. */
    private static String fill(String text, Function<String, String> value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            if (v == null) {
                return null;
            }
            if (m.group(2) != null) {
                v = "true".equalsIgnoreCase(v) ? m.group(2) : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(
            String key, String entityType, String entityId, Map<String, Object> values, String who, Names names) {
        switch (key) {
            case "actor":
                return who;
            case "entity":
                return names.of(entityType, entityId);
            case "contact":
            case "lead":
            case "campaign":
            case "task":
            case "draft":
            case "user":
            case "agent": {
                if (key.equals(entityType) || ("agent".equals(key) && "agent_run".equals(entityType))) {
                    String own = names.of(entityType, entityId);
                    if (own != null) {
                        return own;
                    }
                }
                String field = "agent".equals(key) ? "agent" : key + "Id";
                Object id = values.get(field);
                String named = id == null ? null : names.of(key, id.toString());
                if (named == null && "contact".equals(key) && "lead".equals(entityType)) {
                    return names.of("lead", entityId);
                }
                return named;
            }
            default:
                return shown(values.get(key), sentences);
        }
    }

    private static String shown(Object v, Properties words) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        String text = v.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        String named = words.getProperty("value." + text);
        if (named != null) {
            return named;
        }
        if (ENUM.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return text.length() > LONG_TEXT ? text.substring(0, LONG_TEXT) + "…" : text;
    }

    private static String humanise(String type) {
        return type.replace('.', ' ').replace('_', ' ');
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Names resolve(TenantScoped tenant, Wanted wanted) {
        Map<String, Map<String, String>> byKind = new HashMap<>();
        wanted.ids.forEach((kind, ids) -> {
            EntityNames source = sources.get(kind);
            if (source != null && !ids.isEmpty()) {
                byKind.put(kind, source.names(tenant, ids));
            }
        });
        return new Names(byKind);
    }

    /** The ids a page mentions, by kind. */
    private final class Wanted {
        final Map<String, Set<String>> ids = new LinkedHashMap<>();

        void add(String kind, Object id) {
            if (id != null && sources.containsKey(kind)) {
                ids.computeIfAbsent(kind, k -> new HashSet<>()).add(id.toString());
            }
        }

        void entity(String type, String id) {
            if (type != null) {
                add(type, id);
            }
        }

        void actor(Actor actor) {
            if (actor != null
                    && actor.id() != null
                    && (actor.name() == null || actor.name().isBlank())) {
                add(actor.type() == Actor.Type.AGENT ? "agent" : "user", actor.id());
            }
        }

        void fields(Map<String, Object> values) {
            ID_FIELDS.forEach((field, kind) -> {
                Object id = values.get(field);
                if (id instanceof String) {
                    add(kind, id);
                }
            });
        }
    }

    private record Names(Map<String, Map<String, String>> byKind) {

        String of(String kind, String id) {
            if (kind == null || id == null) {
                return null;
            }
            Map<String, String> names = byKind.get(kind);
            return names == null ? null : names.get(id);
        }

        String actor(Actor actor) {
            if (actor == null) {
                return null;
            }
            if (actor.name() != null && !actor.name().isBlank()) {
                return actor.name();
            }
            String named = of(actor.type() == Actor.Type.AGENT ? "agent" : "user", actor.id());
            return named != null ? named : actor.type().name().toLowerCase(Locale.ROOT);
        }
    }
}

package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.contacts.ContactDetails;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a stored payload into contact fields, an event type and event properties by a site's {@link SiteMapping}:
 * the preset reads the provider's documented shape, explicit paths override it. Pure: no I/O, no state, so the
 * mapping editor's preview shows exactly what processing will do.
 */
final class PayloadMapper {

    static final List<String> CONTACT_FIELDS = List.of(
            "firstName", "lastName", "name", "email", "phone", "company", "jobTitle", "city", "country", "timezone");

    private static final int MAX_PROPERTIES = 50;
    private static final int MAX_TEXT = 2000;
    private static final Pattern SEGMENT = Pattern.compile("[^.\\[\\]]+|\\[\\d+]");
    private static final Pattern CHECKED = Pattern.compile("(\\$|[^.\\[\\]$]+|\\[\\d+])(\\.[^.\\[\\]]+|\\[\\d+])*");

    /** What a payload maps to; {@code problem} says in plain words why it cannot become a contact (else null). */
    record Mapped(Map<String, String> contact, String type, Map<String, Object> properties, String problem) {

        ContactDetails details(String source) {
            return new ContactDetails(
                    contact.get("firstName"),
                    contact.get("lastName"),
                    contact.get("email"),
                    contact.get("phone"),
                    contact.get("company"),
                    contact.get("jobTitle"),
                    contact.get("city"),
                    contact.get("country"),
                    contact.get("timezone"),
                    source,
                    null,
                    null);
        }
    }

    private PayloadMapper() {}

    /** Null when {@code path} can be read, else why not. */
    static String checkPath(String path) {
        if (path == null || path.isBlank()) {
            return "is empty";
        }
        if (path.length() > 300) {
            return "is longer than 300 characters";
        }
        if (path.startsWith("answer:") || path.startsWith("field:")) {
            return path.indexOf(':') == path.length() - 1 ? "names no answer or field" : null;
        }
        return CHECKED.matcher(path).matches()
                ? null
                : "is not a path such as $.data.email, answer:<ref> or field:<name>";
    }

    /** The sender's id of the delivery found in a verified body (Typeform's event_id, Webflow's submission id). */
    static Optional<String> deliveryId(SiteAuth auth, JsonNode root) {
        JsonNode id = switch (auth) {
            case TYPEFORM -> root.path("event_id");
            case WEBFLOW ->
                root.path("payload").has("id") ? root.path("payload").path("id") : root.path("_id");
            default -> root.path("id").isMissingNode() ? root.path("event_id") : root.path("id");
        };
        return id.isValueNode() && !id.asText().isBlank() ? Optional.of(clip(id.asText(), 200)) : Optional.empty();
    }

    static Mapped map(SiteMapping mapping, JsonNode root, ObjectMapper json) {
        Map<String, String> contact = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        String presetType = switch (mapping.preset()) {
            case TYPEFORM -> typeform(root, contact, properties);
            case WEBFLOW -> webflow(root, contact, properties);
            case GENERIC -> generic(root, contact, properties);
        };
        for (var e : mapping.fields().entrySet()) {
            text(read(root, e.getValue())).ifPresent(v -> contact.put(e.getKey(), v));
        }
        for (var e : mapping.properties().entrySet()) {
            JsonNode value = read(root, e.getValue());
            if (!value.isMissingNode() && !value.isNull()) {
                properties.put(
                        e.getKey(), value.isValueNode() ? scalar(value) : json.convertValue(value, Object.class));
            }
        }
        splitName(contact);
        String phone = contact.get("phone");
        if (phone != null && phone.matches("\\d{11,15}")) {
            // Webflow sends a number field as a JSON number: 15550000000 is +1 555 000 0000 without its plus
            contact.put("phone", "+" + phone);
        }
        String type = null;
        if (mapping.eventTypePath() != null) {
            Optional<String> raw = text(read(root, mapping.eventTypePath()));
            type = raw.map(r -> EventType.parse(r).orElse(EventType.CUSTOM).wire())
                    .orElse(null);
            if (raw.isPresent() && EventType.parse(raw.get()).isEmpty()) {
                properties.put("sentType", raw.get());
            }
        }
        if (type == null) {
            type = presetType != null ? presetType : mapping.eventType();
        }
        if (type == null) {
            type = EventType.FORM_SUBMIT.wire();
        }
        while (properties.size() > MAX_PROPERTIES) {
            Iterator<String> last = properties.keySet().iterator();
            String key = null;
            while (last.hasNext()) {
                key = last.next();
            }
            properties.remove(key);
        }
        String problem = contact.get("email") == null
                        && contact.get("phone") == null
                        && contact.get("firstName") == null
                        && contact.get("lastName") == null
                ? "The mapping found no email, phone or name in the payload; map one in the site's mapping"
                : null;
        return new Mapped(contact, type, properties, problem);
    }

    /** Typeform's form_response: answers by type (email, phone_number), by title or ref (names, company). */
    private static String typeform(JsonNode root, Map<String, String> contact, Map<String, Object> properties) {
        JsonNode response = root.path("form_response");
        Map<String, String> titles = new LinkedHashMap<>();
        for (JsonNode f : response.path("definition").path("fields")) {
            titles.put(f.path("id").asText(), f.path("title").asText());
        }
        putIfText(properties, "formId", response.path("form_id"));
        putIfText(properties, "formTitle", response.path("definition").path("title"));
        putIfText(properties, "submittedAt", response.path("submitted_at"));
        for (JsonNode answer : response.path("answers")) {
            String type = answer.path("type").asText();
            JsonNode field = answer.path("field");
            String title = titles.getOrDefault(field.path("id").asText(), "");
            String ref = field.path("ref").asText();
            String value = answerValue(answer);
            if (value == null) {
                continue;
            }
            String label = clip(
                    !title.isBlank()
                            ? title
                            : !ref.isBlank() ? ref : field.path("id").asText(),
                    100);
            properties.put(label, value);
            String key = normal(title + " " + ref);
            if (type.equals("email")) {
                contact.putIfAbsent("email", value);
            } else if (type.equals("phone_number")) {
                contact.putIfAbsent("phone", value);
            } else if (key.contains("firstname")) {
                contact.putIfAbsent("firstName", value);
            } else if (key.contains("lastname") || key.contains("surname")) {
                contact.putIfAbsent("lastName", value);
            } else if (key.contains("company") || key.contains("business")) {
                contact.putIfAbsent("company", value);
            } else if (key.contains("name") && field.path("type").asText().equals("short_text")) {
                contact.putIfAbsent("name", value);
            }
        }
        JsonNode hidden = response.path("hidden");
        hidden.fields().forEachRemaining(e -> guess(e.getKey(), e.getValue(), contact, null));
        return null;
    }

    /** Webflow's form_submission: {@code payload.data} (v2) or {@code data} (v1), field names as the form has them. */
    private static String webflow(JsonNode root, Map<String, String> contact, Map<String, Object> properties) {
        JsonNode payload = root.has("payload") ? root.path("payload") : root;
        putIfText(properties, "formName", payload.path("name"));
        putIfText(properties, "formId", payload.path("formId"));
        putIfText(
                properties,
                "submittedAt",
                payload.has("submittedAt") ? payload.path("submittedAt") : payload.path("d"));
        payload.path("data").fields().forEachRemaining(e -> guess(e.getKey(), e.getValue(), contact, properties));
        return null;
    }

    /** Anything else: the usual names at the top level or under data, contact, lead or fields; type from type/event. */
    private static String generic(JsonNode root, Map<String, String> contact, Map<String, Object> properties) {
        for (String nested : List.of("data", "contact", "lead", "fields", "customer")) {
            root.path(nested).fields().forEachRemaining(e -> guess(e.getKey(), e.getValue(), contact, properties));
        }
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()
                    && !List.of("type", "event", "eventType").contains(e.getKey())) {
                guess(e.getKey(), e.getValue(), contact, properties);
            }
        });
        for (String key : List.of("type", "event", "eventType")) {
            Optional<EventType> t = text(root.path(key)).flatMap(EventType::parse);
            if (t.isPresent()) {
                return t.get().wire();
            }
        }
        return null;
    }

    private static void guess(String key, JsonNode node, Map<String, String> contact, Map<String, Object> properties) {
        Optional<String> value = text(node);
        if (value.isEmpty()) {
            return;
        }
        String field = switch (normal(key)) {
            case "email", "emailaddress", "mail", "youremail" -> "email";
            case "phone", "phonenumber", "telephone", "tel", "mobile", "mobilenumber", "yourphone" -> "phone";
            case "firstname", "givenname", "first" -> "firstName";
            case "lastname", "surname", "familyname", "last" -> "lastName";
            case "name", "fullname", "yourname" -> "name";
            case "company", "companyname", "business", "organisation", "organization" -> "company";
            case "jobtitle", "title", "role" -> "jobTitle";
            case "city", "town" -> "city";
            case "country" -> "country";
            case "timezone" -> "timezone";
            default -> null;
        };
        if (field != null) {
            contact.putIfAbsent(field, value.get());
        } else if (properties != null && properties.size() < MAX_PROPERTIES) {
            properties.putIfAbsent(clip(key, 100), node.isValueNode() ? scalar(node) : value.get());
        }
    }

    private static void splitName(Map<String, String> contact) {
        String name = contact.remove("name");
        if (name == null || contact.containsKey("firstName") || contact.containsKey("lastName")) {
            return;
        }
        String[] parts = name.trim().split("\\s+", 2);
        contact.put("firstName", parts[0]);
        if (parts.length > 1) {
            contact.put("lastName", parts[1]);
        }
    }

    private static String answerValue(JsonNode answer) {
        String type = answer.path("type").asText();
        JsonNode v = switch (type) {
            case "choice" ->
                answer.path("choice").has("label")
                        ? answer.path("choice").path("label")
                        : answer.path("choice").path("other");
            case "choices" -> null;
            case "payment" -> answer.path("payment").path("amount");
            default -> answer.path(type);
        };
        if (type.equals("choices")) {
            List<String> labels = new ArrayList<>();
            answer.path("choices").path("labels").forEach(l -> labels.add(l.asText()));
            return labels.isEmpty() ? null : clip(String.join(", ", labels), MAX_TEXT);
        }
        return v == null ? null : text(v).orElse(null);
    }

    /** The node at {@code path}; missing when there is none. */
    static JsonNode read(JsonNode root, String path) {
        if (path.startsWith("answer:")) {
            String want = path.substring("answer:".length()).trim();
            JsonNode response = root.path("form_response");
            Map<String, String> titles = new LinkedHashMap<>();
            for (JsonNode f : response.path("definition").path("fields")) {
                titles.put(f.path("id").asText(), f.path("title").asText());
            }
            for (JsonNode answer : response.path("answers")) {
                JsonNode field = answer.path("field");
                if (want.equals(field.path("ref").asText())
                        || want.equals(field.path("id").asText())
                        || want.equalsIgnoreCase(
                                titles.getOrDefault(field.path("id").asText(), ""))) {
                    String value = answerValue(answer);
                    return value == null
                            ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                            : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (path.startsWith("field:")) {
            String want = normal(path.substring("field:".length()));
            JsonNode data = root.has("payload") ? root.path("payload").path("data") : root.path("data");
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                var e = it.next();
                if (normal(e.getKey()).equals(want)) {
                    return e.getValue();
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode node = root;
        String rest = path.startsWith("$") ? path.substring(1) : path;
        var m = SEGMENT.matcher(rest);
        while (m.find()) {
            String seg = m.group();
            node = seg.startsWith("[")
                    ? node.path(Integer.parseInt(seg.substring(1, seg.length() - 1)))
                    : node.path(seg);
        }
        return node;
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String v = node.isNumber() && node.canConvertToExactIntegral()
                ? node.bigIntegerValue().toString()
                : node.asText();
        v = v.strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(clip(v, MAX_TEXT));
    }

    private static Object scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return clip(v.asText(), MAX_TEXT);
    }

    private static void putIfText(Map<String, Object> properties, String key, JsonNode node) {
        text(node).ifPresent(v -> properties.put(key, v));
    }

    private static String normal(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}

package ai.revo.missioncontrol.campaigns.web;

import ai.revo.missioncontrol.campaigns.CampaignDraft;
import ai.revo.missioncontrol.campaigns.Criteria;
import ai.revo.missioncontrol.campaigns.Persona;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a campaign body field by field, so "absent" (unchanged) and "null" (cleared) differ and every bad value
 * is a 400 naming its field. Read-only fields (id, status, systemPrompt, timestamps) are ignored.
 */
final class CampaignRequests {

    private static final Set<String> READ_ONLY = Set.of("id", "status", "systemPrompt", "createdAt", "updatedAt");

    private CampaignRequests() {}

    static CampaignDraft parse(JsonNode body, ObjectMapper json) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        Optional<String> name = Optional.empty();
        Optional<String> description = Optional.empty();
        Optional<String> objective = Optional.empty();
        Optional<Set<Channel>> channels = Optional.empty();
        Optional<Optional<LocalDate>> startDate = Optional.empty();
        Optional<Optional<LocalDate>> endDate = Optional.empty();
        Optional<String> timezone = Optional.empty();
        Optional<Criteria> criteria = Optional.empty();
        Optional<Persona> persona = Optional.empty();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "name" -> name = Optional.of(text("name", v, false));
                case "description" ->
                    description =
                            Optional.ofNullable(text("description", v, true)).or(() -> Optional.of(""));
                case "objective" ->
                    objective = Optional.ofNullable(text("objective", v, true)).or(() -> Optional.of(""));
                case "channels" ->
                    channels = Optional.of(read("channels", v, json, new TypeReference<Set<Channel>>() {}));
                case "startDate" ->
                    startDate = Optional.of(
                            v.isNull()
                                    ? Optional.empty()
                                    : Optional.of(read("startDate", v, json, new TypeReference<LocalDate>() {})));
                case "endDate" ->
                    endDate = Optional.of(
                            v.isNull()
                                    ? Optional.empty()
                                    : Optional.of(read("endDate", v, json, new TypeReference<LocalDate>() {})));
                case "timezone" -> timezone = Optional.of(text("timezone", v, false));
                case "criteria" -> criteria = Optional.of(read("criteria", v, json, new TypeReference<Criteria>() {}));
                case "persona" -> persona = Optional.of(persona(v, json));
                default -> {
                    if (!READ_ONLY.contains(f.getKey())) {
                        throw ApiException.invalidField(f.getKey(), "is not a known field");
                    }
                }
            }
        }
        return new CampaignDraft(
                name, description, objective, channels, startDate, endDate, timezone, criteria, persona);
    }

    static Persona persona(JsonNode v, ObjectMapper json) {
        return read("persona", v, json, new TypeReference<Persona>() {});
    }

    private static String text(String field, JsonNode v, boolean nullable) {
        if (v.isNull() && nullable) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return v.asText();
    }

    private static <T> T read(String field, JsonNode v, ObjectMapper json, TypeReference<T> type) {
        if (v.isNull()) {
            throw ApiException.invalidField(field, "must not be null");
        }
        try {
            return json.readerFor(json.getTypeFactory().constructType(type))
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(v);
        } catch (java.io.IOException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            if (cause instanceof IllegalArgumentException iae
                    && iae.getMessage() != null
                    && iae.getMessage().contains(" ")) {
                String message = iae.getMessage();
                int space = message.indexOf(' ');
                throw ApiException.invalidField(message.substring(0, space), message.substring(space + 1));
            }
            throw ApiException.invalidField(field, "has the wrong type or value");
        }
    }
}

package ai.revo.missioncontrol.safety.web;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyChange;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a PATCH body strictly: any part of the settings shape, booleans only, known channels only. The read-only
 * {@code updatedAt} and {@code updatedBy} are accepted and ignored, so a client may send back what it read.
 */
final class SafetyChangeParser {

    private static final Set<String> READ_ONLY = Set.of("updatedAt", "updatedBy");

    private SafetyChangeParser() {}

    static SafetyChange parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        Optional<Boolean> dryRun = Optional.empty();
        Optional<Boolean> pause = Optional.empty();
        Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "dryRunMode" -> dryRun = Optional.of(bool("dryRunMode", field.getValue()));
                case "globalPause" -> pause = Optional.of(bool("globalPause", field.getValue()));
                case "channels" -> channels(field.getValue(), channels);
                default -> {
                    if (!READ_ONLY.contains(field.getKey())) {
                        throw ApiException.invalidField(field.getKey(), "is not a known field");
                    }
                }
            }
        }
        return new SafetyChange(dryRun, pause, channels);
    }

    private static void channels(JsonNode node, Map<Channel, Boolean> into) {
        if (!node.isObject()) {
            throw ApiException.invalidField("channels", "must be an object of channel to boolean");
        }
        node.fields().forEachRemaining(e -> {
            Channel channel;
            try {
                channel = Channel.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw ApiException.invalidField(
                        "channels." + e.getKey(),
                        "is not a channel; use EMAIL, WHATSAPP, FACEBOOK, INSTAGRAM, LINKEDIN or SMS");
            }
            into.put(channel, bool("channels." + e.getKey(), e.getValue()));
        });
    }

    private static boolean bool(String field, JsonNode value) {
        if (!value.isBoolean()) {
            throw ApiException.invalidField(field, "must be true or false");
        }
        return value.booleanValue();
    }
}

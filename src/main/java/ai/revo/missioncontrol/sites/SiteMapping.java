package ai.revo.missioncontrol.sites;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a site's payload becomes a contact and an event. {@code preset} (GENERIC, TYPEFORM or WEBFLOW) reads the
 * provider's documented shape (Typeform's {@code form_response.answers}, Webflow's {@code payload.data}); {@code fields}
 * maps contact fields (firstName, lastName, name, email, phone, company, jobTitle, city, country, timezone) to paths
 * that override the preset's guesses; {@code properties} maps event property names to paths. A path is
 * {@code $.a.b[0].c} into the payload, {@code answer:<ref or title>} for a Typeform answer, or
 * {@code field:<name>} for a Webflow form field. {@code eventType} is the event's type, or {@code eventTypePath} a
 * path to read it from (unknown values become {@code custom}).
 */
public record SiteMapping(
        Preset preset,
        String eventType,
        String eventTypePath,
        Map<String, String> fields,
        Map<String, String> properties) {

    public enum Preset {
        GENERIC,
        TYPEFORM,
        WEBFLOW
    }

    public SiteMapping {
        preset = preset == null ? Preset.GENERIC : preset;
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
        properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
    }

    /** The mapping a new site starts with: the preset of its provider, events typed form_submit. */
    static SiteMapping defaultFor(SiteAuth auth) {
        Preset preset = switch (auth) {
            case TYPEFORM -> Preset.TYPEFORM;
            case WEBFLOW -> Preset.WEBFLOW;
            default -> Preset.GENERIC;
        };
        return new SiteMapping(preset, EventType.FORM_SUBMIT.wire(), null, Map.of(), Map.of());
    }
}

package ai.revo.missioncontrol.sites;

import java.util.Locale;
import java.util.Optional;

/** What a site event is about, as the mapping decides. Stored and shown lower-case ({@code form_submit}). */
public enum EventType {
    FORM_SUBMIT,
    BOOKING,
    QUOTE_REQUEST,
    CALL,
    EMAIL,
    PAGE_VIEW,
    CUSTOM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code value} ({@code form_submit}, {@code FORM_SUBMIT}, {@code form-submit}); empty if none. */
    public static Optional<EventType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (EventType t : values()) {
            if (t.name().equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.EventFilter;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.EventCategory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** The feed's and the streams' query parameters, checked one by one so a bad one is named in the 400. */
record EventQuery(
        String type,
        String category,
        String entityType,
        String entityId,
        String campaignId,
        String taskId,
        String actor,
        String since,
        String until) {

    EventFilter toFilter() {
        return new EventFilter(
                type,
                parsedCategory(),
                entityType,
                entityId,
                uuid("campaignId", campaignId),
                uuid("taskId", taskId),
                actor,
                instant("since", since),
                instant("until", until));
    }

    private EventCategory parsedCategory() {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return EventCategory.valueOf(category.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(
                    "category", "must be one of INBOUND, THINKING, OUTBOUND, SYSTEM, " + "COMMERCE, SAFETY, ERROR");
        }
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a UUID");
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be an ISO-8601 UTC timestamp such as 2026-01-31T09:00:00Z");
        }
    }

    static Long seq(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a non-negative event sequence number");
        }
    }
}

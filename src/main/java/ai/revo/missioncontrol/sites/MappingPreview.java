package ai.revo.missioncontrol.sites;

import java.util.Map;
import java.util.UUID;

/**
 * What a mapping makes of a stored payload, without changing anything: the contact fields, the event type and
 * properties, and {@code problem} when processing would fail (else null). {@code eventId} is the payload used.
 */
public record MappingPreview(
        UUID eventId, Map<String, String> contact, String type, Map<String, Object> properties, String problem) {}

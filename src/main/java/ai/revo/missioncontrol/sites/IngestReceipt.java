package ai.revo.missioncontrol.sites;

import java.util.UUID;

/**
 * What an ingest request is answered: the stored event's id and status; {@code duplicate} when the delivery was
 * stored before (a replay, acknowledged again and not processed twice).
 */
public record IngestReceipt(UUID eventId, SiteEventStatus status, boolean duplicate) {}

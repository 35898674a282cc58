package ai.revo.missioncontrol.contacts;

import java.util.UUID;

/** Filters of the lead list; all optional. {@code q} searches name, email and company. */
public record LeadQuery(LeadStatus status, Score score, UUID campaignId, UUID ownerId, String q) {}

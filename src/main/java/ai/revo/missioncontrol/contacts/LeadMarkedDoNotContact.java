package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.Actor;
import java.util.UUID;

/**
 * A lead was moved to DND: the person asked not to be contacted. Do-not-contact belongs to the person, so listeners
 * make it hold in every campaign and on every channel. Not a feed event of its own ({@code lead.status_changed}
 * already records the move).
 */
public record LeadMarkedDoNotContact(UUID tenantId, UUID leadId, UUID campaignId, UUID contactId, Actor actor) {}

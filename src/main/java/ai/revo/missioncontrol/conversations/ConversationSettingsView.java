package ai.revo.missioncontrol.conversations;

import java.util.UUID;

/**
 * How a campaign's conversations are answered: {@code autoReply} true sends a reply the AI wrote at once when it
 * passes every check and the confidence gate; false (the default) lets it wait in the approval inbox.
 */
public record ConversationSettingsView(UUID campaignId, boolean autoReply, int snoozeDays) {}

package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.safety.Channel;
import java.util.UUID;

/**
 * How a campaign's conversations are answered: {@code autoReply} true sends a reply the AI wrote in a WhatsApp
 * conversation at once when it passes every check and the confidence gate; false (the default) lets it wait in the
 * approval inbox. {@code smsAutoReply} is the same switch for the campaign's SMS conversations, off by default.
 */
public record ConversationSettingsView(UUID campaignId, boolean autoReply, int snoozeDays, boolean smsAutoReply) {

    /** The auto-reply switch of conversations on {@code channel}: SMS has its own, every other channel the first. */
    public boolean autoReply(Channel channel) {
        return channel == Channel.SMS ? smsAutoReply : autoReply;
    }
}

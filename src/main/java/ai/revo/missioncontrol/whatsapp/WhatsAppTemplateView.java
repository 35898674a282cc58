package ai.revo.missioncontrol.whatsapp;

import java.time.Instant;
import java.util.UUID;

/**
 * A message template of the workspace's WhatsApp Business account as last synced: {@code status} is Meta's
 * (APPROVED, PENDING, REJECTED, PAUSED, DISABLED…, or DELETED when the account no longer lists it); only APPROVED
 * ones can be sent. {@code bodyParameters} is how many parameters a send must give (the body's placeholders);
 * {@code headerParameters} above 0 means the header needs parameters too, which sending does not support yet.
 */
public record WhatsAppTemplateView(
        UUID id,
        String providerTemplateId,
        String name,
        String language,
        String category,
        String status,
        String reason,
        String bodyText,
        int bodyParameters,
        int headerParameters,
        Instant syncedAt) {

    public boolean usable() {
        return "APPROVED".equals(status) && headerParameters == 0;
    }
}

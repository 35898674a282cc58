package ai.revo.missioncontrol.whatsapp;

import org.springframework.stereotype.Service;

/** The webhook's use cases for its controller: the verify-token handshake and receiving a signed delivery. */
@Service
public class WhatsAppWebhook {

    /** What became of a delivery. */
    public enum Outcome {
        /** Verified and stored for the workspace(s) whose number it names; processing is queued. */
        STORED,
        /** Verified, but it names no number of a workspace whose app secret signed it: nothing stored. */
        NOTHING_FOR_US,
        /** Missing, malformed or wrong signature: nothing parsed, nothing stored. */
        BAD_SIGNATURE,
        /** Verified, but not JSON. */
        NOT_JSON
    }

    private final WhatsAppWebhooks webhooks;

    WhatsAppWebhook(WhatsAppWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    public boolean verifyTokenMatches(String token) {
        return webhooks.verifyTokenMatches(token);
    }

    public Outcome receive(byte[] raw, String signatureHeader) {
        return Outcome.valueOf(webhooks.receive(raw, signatureHeader).outcome().name());
    }
}

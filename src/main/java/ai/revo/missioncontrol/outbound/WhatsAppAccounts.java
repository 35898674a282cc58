package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the WhatsApp adapter needs to know about a workspace, answered by the module that keeps its connected number
 * (the whatsapp module): the number and its access token, and when the person's 24-hour customer-care window ends.
 */
public interface WhatsAppAccounts {

    /** The workspace's connected number with its access token in clear; empty when none is connected (or usable). */
    Optional<Account> accountOf(TenantId tenant);

    /**
     * When the customer-care window with this person (E.164 or Meta's wa_id) ends: 24 hours after their latest
     * message; empty when they never wrote.
     */
    Optional<Instant> windowEndsAt(TenantId tenant, String to);

    /**
     * Meta answered a send with an error the workspace must act on (131048 spam rate: pause the campaign and alert;
     * 190 token rejected: the number stops sending until its token is replaced; 132xxx template errors). Called by the
     * adapter outside any transaction, before the gateway records the message's outcome.
     */
    default void providerErrorReported(TenantId tenant, int code, String description, java.util.UUID campaignId) {}

    /**
     * Why this template may not be sent with {@code parameters} body parameters (it is not synced, not APPROVED, or
     * counts another number of placeholders); empty when it may. Runs inside the gateway's deciding transaction.
     */
    default Optional<String> templateRefusal(TenantId tenant, String name, String language, int parameters) {
        return Optional.empty();
    }

    /**
     * The campaign's re-engagement template, which replaces free text outside the 24-hour window; empty when the
     * campaign has none (the free text is refused then).
     */
    default Optional<OutboundMessage.WhatsAppParts> reengagementTemplate(TenantId tenant, java.util.UUID campaignId) {
        return Optional.empty();
    }

    /** The connected number: Meta's phone number id and the access token. */
    record Account(String phoneNumberId, String accessToken) {

        @Override
        public String toString() {
            return "Account[phoneNumberId=" + phoneNumberId + ", accessToken=…]";
        }
    }
}

package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;

/**
 * What the SMS adapter needs to know about a workspace, answered by the module that keeps its Twilio account (the
 * sms module): the account SID with its auth token in clear, and who messages go out as.
 */
public interface SmsAccounts {

    /** The workspace's Twilio account; empty when none is connected. */
    Optional<Account> accountOf(TenantId tenant);

    /**
     * The Twilio account: its SID, the auth token, and the sender, a messaging service SID (preferred when both are
     * set) or a from-number in E.164; the status callback URL Twilio is asked to call for each message.
     */
    record Account(
            String accountSid, String authToken, String messagingServiceSid, String fromNumber, String callbackUrl) {

        @Override
        public String toString() {
            return "Account[accountSid=" + accountSid + ", authToken=…, messagingServiceSid=" + messagingServiceSid
                    + ", fromNumber=" + fromNumber + "]";
        }
    }
}

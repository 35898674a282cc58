package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.UUID;

/**
 * What a verified tracking link names: the workspace, the email and, for a click, the original URL. Only
 * {@link EmailTracking#readToken} makes these, after checking the signature.
 */
public record TrackingToken(Purpose purpose, TenantId tenant, UUID emailId, String url) {

    /** What the link is for; a token signed for one purpose is refused for another. */
    public enum Purpose {
        OPEN,
        CLICK,
        UNSUBSCRIBE
    }
}

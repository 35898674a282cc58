package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Map;

/**
 * Changes an email just before it is sent: the tracking pixel, signed click redirects, the visible unsubscribe link
 * and the List-Unsubscribe headers. The send pipeline applies every decorator bean, in order, when it builds the
 * message; a decorator must be deterministic for the same email (a retry must produce the same message).
 */
public interface EmailDecorator {

    Decorated decorate(TenantId tenant, EmailView email, String html, String text);

    /** The decorated parts and the headers to add (e.g. {@code List-Unsubscribe}). */
    record Decorated(String html, String text, Map<String, String> headers) {}
}

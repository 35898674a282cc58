package ai.revo.missioncontrol.sites;

/**
 * A ready-to-paste test request for a site (bash with curl and openssl): a form submission signed the way the site's
 * authentication expects, sent to its endpoint. Shown once with the secret, by the connect wizard, the API and the
 * {@code connect} command, so a person can see the site become CONNECTED before touching the real website.
 */
public final class TestRequest {

    private TestRequest() {}

    public static String curl(SiteAuth auth, String endpointUrl, String secret) {
        String url = shellQuoted(endpointUrl);
        String key = shellQuoted(secret);
        return switch (auth) {
            case SHARED_SECRET ->
                "curl -sS -X POST " + url + " \\\n"
                        + "  -H 'Content-Type: application/json' -H " + shellQuoted("x-webhook-secret: " + secret)
                        + " \\\n"
                        + "  -d '{\"type\":\"form_submit\",\"name\":\"Test Person\",\"email\":\"test@example.com\"}'";
            case STANDARD_WEBHOOKS ->
                "BODY='{\"type\":\"form_submit\",\"name\":\"Test Person\","
                        + "\"email\":\"test@example.com\"}'\n"
                        + "ID=\"msg_$(date +%s)\"; TS=\"$(date +%s)\"\n"
                        + "KEY=\"$(printf '%s' " + key
                        + " | sed 's/^whsec_//' | base64 -d | od -An -tx1 | tr -d ' \\n')\"\n"
                        + "SIG=\"$(printf '%s' \"$ID.$TS.$BODY\" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY"
                        + " -binary | base64)\"\n"
                        + "curl -sS -X POST " + url + " -H 'Content-Type: application/json' \\\n"
                        + "  -H \"webhook-id: $ID\" -H \"webhook-timestamp: $TS\" -H \"webhook-signature: v1,$SIG\""
                        + " -d \"$BODY\"";
            case TYPEFORM ->
                "BODY=\"$(printf '{\"event_id\":\"test-%s\",\"event_type\":\"form_response\","
                        + "\"form_response\":{\"form_id\":\"test\",\"answers\":[{\"type\":\"email\","
                        + "\"email\":\"test@example.com\",\"field\":{\"id\":\"e\",\"type\":\"email\",\"ref\":\"email\"}},"
                        + "{\"type\":\"text\",\"text\":\"Test Person\",\"field\":{\"id\":\"n\",\"type\":\"short_text\","
                        + "\"ref\":\"name\"}}]}}' \"$(date +%s)\")\"\n"
                        + "SIG=\"$(printf '%s' \"$BODY\" | openssl dgst -sha256 -hmac " + key + " -binary | base64)\"\n"
                        + "curl -sS -X POST " + url + " -H 'Content-Type: application/json' \\\n"
                        + "  -H \"Typeform-Signature: sha256=$SIG\" -d \"$BODY\"";
            case WEBFLOW ->
                "BODY=\"$(printf '{\"triggerType\":\"form_submission\",\"payload\":{\"name\":\"Test form\","
                        + "\"data\":{\"Name\":\"Test Person\",\"Email\":\"test@example.com\"},\"id\":\"test-%s\"}}'"
                        + " \"$(date +%s)\")\"\n"
                        + "TS=\"$(date +%s%3N)\"\n"
                        + "SIG=\"$(printf '%s' \"$TS:$BODY\" | openssl dgst -sha256 -hmac " + key
                        + " | sed 's/^.* //')\"\n"
                        + "curl -sS -X POST " + url + " -H 'Content-Type: application/json' \\\n"
                        + "  -H \"x-webflow-timestamp: $TS\" -H \"x-webflow-signature: $SIG\" -d \"$BODY\"";
        };
    }

    /** Single-quoted for bash: a quote inside becomes {@code '\''}, so any URL or secret pastes safely. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}

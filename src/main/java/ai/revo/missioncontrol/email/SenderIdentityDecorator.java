package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.sending.EmailSendingSettings;
import ai.revo.missioncontrol.sending.SenderIdentityView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.owasp.encoder.Encode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When an email's From is one of the workspace's sender identities: the From header carries its display name, a
 * Reply-To its reply-to address, and its signature is added below the message (before the tracking and the
 * unsubscribe footer, which run later). Like tracking, this is added after the approved-content check.
 */
@Component
@Order(50)
class SenderIdentityDecorator implements EmailDecorator {

    private final EmailSendingSettings identities;

    SenderIdentityDecorator(EmailSendingSettings identities) {
        this.identities = identities;
    }

    @Override
    public Decorated decorate(TenantId tenant, EmailView email, String html, String text) {
        Optional<SenderIdentityView> found = identities.identityFor(tenant, email.fromEmail());
        if (found.isEmpty()) {
            return new Decorated(html, text, Map.of());
        }
        SenderIdentityView identity = found.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", identity.fromHeader());
        if (identity.replyTo() != null) {
            headers.put("Reply-To", identity.replyTo());
        }
        String signature = identity.signature();
        if (signature == null) {
            return new Decorated(html, text, headers);
        }
        // "-- " on its own line is the signature separator mail clients recognise (RFC 3676)
        String signedText = (text == null ? "" : text) + "\n\n-- \n" + signature;
        String signedHtml = html == null
                ? null
                : html + "<p class=\"signature\">" + Encode.forHtml(signature).replace("\n", "<br>") + "</p>";
        return new Decorated(signedHtml, signedText, headers);
    }
}

package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds tracking and unsubscribe to outgoing emails. Every email: the open pixel (when the campaign tracks opens) and
 * its http(s) links rewritten to signed click redirects (when it tracks links). Campaign emails also get a visible
 * unsubscribe link in both parts and the RFC 8058 headers (List-Unsubscribe with the one-click https address,
 * List-Unsubscribe-Post). The unsubscribe link is added after the rewriting, so it is never rewritten. Tokens are
 * deterministic, so the same email always decorates to the same message.
 */
@Component
@Order(100)
class TrackingDecorator implements EmailDecorator {

    private static final Pattern HREF =
            Pattern.compile("(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(.*?)\\2", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

    private final TrackingTokens tokens;
    private final EmailTrackingSettings settings;
    private final String publicUrl;

    TrackingDecorator(
            TrackingTokens tokens,
            EmailTrackingSettings settings,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.tokens = tokens;
        this.settings = settings;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public Decorated decorate(TenantId tenant, EmailView email, String html, String text) {
        TrackingSettingsView tracking = settings.forEmail(tenant, email.campaignId());
        Map<String, String> headers = new LinkedHashMap<>();
        String outHtml = html;
        String outText = text == null ? "" : text;
        if (outHtml != null && tracking.trackLinks()) {
            outHtml = rewriteLinks(tenant, email, outHtml);
        }
        if (email.campaignId() != null) {
            String unsubscribe = unsubscribeUrl(tenant, email);
            if (outHtml != null) {
                outHtml = beforeBodyEnd(
                        outHtml,
                        "<p style=\"font-size:12px;color:#6b7280;margin-top:24px\">"
                                + "Don't want these emails? <a href=\"" + escape(unsubscribe)
                                + "\">Unsubscribe</a></p>");
            }
            outText = outText + (outText.endsWith("\n") ? "" : "\n") + "\n--\nUnsubscribe: " + unsubscribe + "\n";
            // only the one-click https address: nothing here processes unsubscribe requests sent by mail
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (outHtml != null && tracking.trackOpens()) {
            String pixel = publicUrl + "/api/v1/webhooks/email/open-pixel?t="
                    + tokens.sign(TrackingToken.Purpose.OPEN, tenant, email.id(), null);
            outHtml = beforeBodyEnd(
                    outHtml,
                    "<img src=\"" + escape(pixel)
                            + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">");
        }
        return new Decorated(outHtml, outText, headers);
    }

    String unsubscribeUrl(TenantId tenant, EmailView email) {
        return publicUrl + "/unsubscribe?t=" + tokens.sign(TrackingToken.Purpose.UNSUBSCRIBE, tenant, email.id(), null);
    }

    private String rewriteLinks(TenantId tenant, EmailView email, String html) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = unescape(m.group(3).trim());
            String replacement = m.group(0);
            if (TrackingTokens.isWebUrl(url) && !isOwnLink(url)) {
                String redirect = publicUrl + "/api/v1/webhooks/email/click?t="
                        + tokens.sign(TrackingToken.Purpose.CLICK, tenant, email.id(), url);
                replacement = m.group(1) + m.group(2) + escape(redirect) + m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Our own unsubscribe and tracking links are never wrapped in a click redirect. */
    private boolean isOwnLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String base = publicUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith(base + "/unsubscribe") || lower.startsWith(base + "/api/v1/webhooks/email/");
    }

    private static String beforeBodyEnd(String html, String fragment) {
        Matcher m = BODY_END.matcher(html);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        return at < 0 ? html + fragment : html.substring(0, at) + fragment + html.substring(at);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}

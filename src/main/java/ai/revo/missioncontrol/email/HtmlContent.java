package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.outbound.EmailHtml;

/** The email module's use of {@link EmailHtml}: the one sanitising policy for every stored HTML part. */
final class HtmlContent {

    private HtmlContent() {}

    /** The sanitised HTML (null stays null); merge fields ({@code {{...}}}) survive. */
    static String sanitize(String html) {
        return EmailHtml.sanitize(html);
    }

    /** Plain text of an HTML fragment (see {@link EmailHtml#toText}). */
    static String toText(String html) {
        return EmailHtml.toText(html);
    }
}

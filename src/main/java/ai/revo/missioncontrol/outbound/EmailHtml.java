package ai.revo.missioncontrol.outbound;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * The HTML part of every email, whoever stores it (composer, templates, the drafts API, agents): sanitised with the
 * OWASP policy below (common formatting, lists, tables, headings, links to http, https and mailto, images from
 * https only; no scripts, event handlers, forms, iframes or style attributes), turned into plain text for the text
 * part, built from a text, and its links listed so an approver sees where each one goes. {@link #contentHash} is
 * the one fingerprint of "what is sent" that the approval decision records and every sender checks.
 */
public final class EmailHtml {

    /** What a composed email may contain. */
    public static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "div",
                    "span",
                    "b",
                    "strong",
                    "i",
                    "em",
                    "u",
                    "s",
                    "strike",
                    "sub",
                    "sup",
                    "blockquote",
                    "pre",
                    "code",
                    "hr",
                    "ul",
                    "ol",
                    "li",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "a",
                    "img",
                    "small",
                    "font")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("title")
            .globally()
            .allowAttributes("alt", "width", "height")
            .onElements("img")
            .allowAttributes("colspan", "rowspan")
            .onElements("td", "th")
            .allowAttributes("color")
            .onElements("font")
            .allowUrlProtocols("http", "https", "mailto")
            // images only from https: a plain http or data image is dropped with its element
            .allowAttributes("src")
            .matching((element, attribute, value) ->
                    value.toLowerCase(Locale.ROOT).startsWith("https://") ? value : null)
            .onElements("img")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "table", "tr", "hr");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\n]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private EmailHtml() {}

    /** The sanitised HTML (null stays null); merge fields ({@code {{...}}}) survive. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        // the sanitizer breaks {{ with an HTML comment against client-side template injection; our merge fields
        // are rendered on the server, so they are put back
        return POLICY.sanitize(html).replace("{<!-- -->{", "{{");
    }

    /**
     * Plain text of an HTML fragment: whitespace collapsed as a browser does, a line break for {@code br}, a blank
     * line around paragraphs and blocks, {@code - } before list items, a link's address after its text when it
     * differs, and entities decoded.
     */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        TextCollector collector = new TextCollector();
        HtmlSanitizer.sanitize(html, collector);
        String text = collector.out.toString();
        StringBuilder lines = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        return BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
    }

    /** A link of an HTML part: what the reader sees and where it goes. */
    public record Link(String text, String href) {}

    /** Every link of the HTML in document order, with its visible text (empty when it has none). */
    public static List<Link> links(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        List<Link> links = new java.util.ArrayList<>();
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            private String href;
            private final StringBuilder text = new StringBuilder();

            @Override
            public void openDocument() {}

            @Override
            public void closeDocument() {}

            @Override
            public void openTag(String name, List<String> attrs) {
                if (name.equals("a")) {
                    href = TextCollector.attribute(attrs, "href");
                    text.setLength(0);
                } else if (name.equals("img") && href != null) {
                    String alt = TextCollector.attribute(attrs, "alt");
                    text.append(alt == null ? "[image]" : alt);
                }
            }

            @Override
            public void closeTag(String name) {
                if (name.equals("a") && href != null) {
                    links.add(new Link(SPACES.matcher(text).replaceAll(" ").strip(), href));
                    href = null;
                }
            }

            @Override
            public void text(String t) {
                if (href != null) {
                    text.append(t);
                }
            }
        });
        return links;
    }

    /**
     * HTML built from a plain text: escaped, a paragraph per blank-line block, line breaks kept. What an edit of the
     * text becomes when the HTML is not edited with it, so the two parts never say different things.
     */
    public static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>")
                    .append(org.owasp.encoder.Encode.forHtml(paragraph.strip()).replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }

    /**
     * The SHA-256 of a message as it will be sent, before tracking decoration: subject (trimmed), text part, HTML part
     * (blank counts as none; a blank text is the HTML's text). Hex, lower case.
     */
    public static String contentHash(String subject, String text, String html) {
        String h = html == null || html.isBlank() ? "" : html;
        String t = text == null || text.isBlank() ? toText(h) : text;
        String s = subject == null ? "" : subject.trim();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((s + "\u0000" + t + "\u0000" + h).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TextCollector implements HtmlSanitizer.Policy {

        private final StringBuilder out = new StringBuilder();
        private int skip; // inside script, style, head or title
        private int pre;
        private String href;
        private final StringBuilder linkText = new StringBuilder();

        @Override
        public void openDocument() {}

        @Override
        public void closeDocument() {}

        @Override
        public void openTag(String name, List<String> attrs) {
            switch (name) {
                case "script", "style", "head", "title", "template" -> skip++;
                case "br" -> out.append('\n');
                case "li" -> {
                    newLine();
                    out.append("- ");
                }
                case "td", "th" -> out.append(' ');
                case "img" -> {
                    String alt = attribute(attrs, "alt");
                    if (alt != null && !alt.isBlank()) {
                        out.append(alt);
                    }
                }
                case "a" -> {
                    href = attribute(attrs, "href");
                    linkText.setLength(0);
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        paragraph();
                    }
                    if (name.equals("pre")) {
                        pre++;
                    }
                }
            }
        }

        @Override
        public void closeTag(String name) {
            switch (name) {
                case "script", "style", "head", "title", "template" -> skip = Math.max(0, skip - 1);
                case "li" -> newLine();
                case "a" -> {
                    String text = linkText.toString().strip();
                    if (href != null
                            && !href.isBlank()
                            && !text.equals(href)
                            && !text.equals(href.replaceFirst("^mailto:", ""))) {
                        out.append(" (").append(href).append(')');
                    }
                    href = null;
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        paragraph();
                    }
                    if (name.equals("pre")) {
                        pre = Math.max(0, pre - 1);
                    }
                }
            }
        }

        @Override
        public void text(String text) {
            if (skip > 0) {
                return;
            }
            String t = pre > 0 ? text : SPACES.matcher(text).replaceAll(" ");
            if (pre == 0
                    && (out.isEmpty() || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == ' ')) {
                t = t.stripLeading();
            }
            out.append(t);
            if (href != null) {
                linkText.append(t);
            }
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void paragraph() {
            if (out.isEmpty()) {
                return;
            }
            newLine();
            if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }

        private static String attribute(List<String> attrs, String name) {
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if (attrs.get(i).equals(name)) {
                    return attrs.get(i + 1);
                }
            }
            return null;
        }
    }
}

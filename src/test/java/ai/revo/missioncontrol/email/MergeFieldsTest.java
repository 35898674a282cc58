package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The merge fields of email templates and the HTML helpers, without Spring. */
class MergeFieldsTest {

    static final MergeFields.Values FULL = new MergeFields.Values(
            new MergeFields.Prospect(
                    "Ada", "Lovelace", "ada@example.com", "+15145550100", "Analytical Engines", "CTO", "London", "UK"),
            new MergeFields.Lead("CONTACTED", "A"),
            new MergeFields.Campaign("Spring push", "Book demos", "Alex"),
            new MergeFields.Sender("Sam Seller", "sam@revo.example"));

    @Test
    void everyAllowedFieldRendersFromContactLeadCampaignAndSender() {
        String template = "{{firstName}}|{{lastName}}|{{fullName}}|{{email}}|{{phone}}|{{company}}|{{jobTitle}}|"
                + "{{city}}|{{country}}|{{lead.status}}|{{lead.score}}|{{campaign.name}}|{{campaign.objective}}|"
                + "{{campaign.agentName}}|{{sender.name}}|{{sender.email}}";
        assertThat(MergeFields.unknown(template)).isEmpty();
        assertThat(MergeFields.used(template)).containsExactlyElementsOf(MergeFields.FIELDS.keySet());
        assertThat(MergeFields.renderText(template, FULL))
                .isEqualTo("Ada|Lovelace|Ada Lovelace|ada@example.com|"
                        + "+15145550100|Analytical Engines|CTO|London|UK|CONTACTED|A|Spring push|Book demos|Alex|Sam Seller|"
                        + "sam@revo.example");
    }

    @Test
    void aMissingOrBlankValueRendersItsFallbackAndNoFallbackRendersEmpty() {
        MergeFields.Values none = new MergeFields.Values(
                new MergeFields.Prospect("  ", null, null, null, null, null, null, null), null, null, null);
        assertThat(MergeFields.renderText("Hi {{firstName|there}}, {{company|your team}}{{city}}!", none))
                .isEqualTo("Hi there, your team!");
        assertThat(MergeFields.renderText("{{campaign.agentName|Alex}} from {{sender.name|Revo}}", null))
                .isEqualTo("Alex from Revo");
        assertThat(MergeFields.renderText("Hi {{firstName|there}}", FULL)).isEqualTo("Hi Ada");
        assertThat(MergeFields.renderText("{{#company}}at {{company}}{{/company}}{{^city}}nowhere{{/city}}", FULL))
                .isEqualTo("at Analytical Engines");
    }

    @Test
    void unknownFieldsAreNamedInOrderAndOnce() {
        assertThat(MergeFields.unknown(
                        "Hi {{first_name}} {{firstName}}",
                        "{{favouriteColour|blue}} {{first_name}}",
                        "{{#campaign}}x{{/campaign}}"))
                .containsExactly("first_name", "favouriteColour", "campaign");
        assertThat(MergeFields.unknown("no fields", null)).isEmpty();
    }

    @Test
    void htmlRenderingEscapesValuesButKeepsTheTemplatesMarkup() {
        MergeFields.Values evil = new MergeFields.Values(
                new MergeFields.Prospect("<script>alert(1)</script>", null, null, null, "A & B", null, null, null),
                null,
                null,
                null);
        assertThat(MergeFields.renderHtml("<p>Hi <b>{{firstName}}</b> of {{company}}</p>", evil))
                .isEqualTo("<p>Hi <b>&lt;script&gt;alert(1)&lt;/script&gt;</b> of A &amp; B</p>");
        assertThat(MergeFields.renderText("{{company}}", evil)).isEqualTo("A & B");
    }

    @Test
    void sanitizingStripsScriptsHandlersStylesAndUnsafeUrlsButKeepsFormattingAndMergeFields() {
        String html =
                HtmlContent.sanitize("<p style=\"position:fixed\" onclick=\"steal()\">Hello <b>{{firstName|there}}</b>"
                        + "<script>alert(1)</script> <a href=\"https://example.com/x\" onmouseover=\"x()\">site</a> "
                        + "<a href=\"javascript:alert(1)\">bad</a> <a href=\"mailto:a@b.c\">mail</a>"
                        + "<img src=\"https://cdn.example.com/a.png\" alt=\"logo\"><img src=\"http://plain.example.com/b.png\">"
                        + "<iframe src=\"https://evil.example.com\"></iframe></p>");
        assertThat(html)
                .doesNotContain(
                        "script", "onclick", "onmouseover", "style", "javascript", "iframe", "plain.example.com");
        assertThat(html)
                .contains(
                        "<b>{{firstName|there}}</b>",
                        "href=\"https://example.com/x\"",
                        "href=\"mailto:a&#64;b.c\"",
                        "src=\"https://cdn.example.com/a.png\"",
                        ">site</a>");
    }

    @Test
    void textIsDerivedWithLineBreaksForParagraphsBreaksAndListItems() {
        String text = HtmlContent.toText("<p>Hi   Ada,</p><p>Line one<br>line two &amp; more</p>"
                + "<ul><li>First</li><li>Second <a href=\"https://example.com\">link</a></li></ul>"
                + "<div>Bye</div>");
        assertThat(text)
                .isEqualTo("Hi Ada,\n\nLine one\nline two & more\n\n- First\n- Second link (https://example.com)"
                        + "\n\nBye");
        assertThat(HtmlContent.toText("plain <b>bold</b>\n  text")).isEqualTo("plain bold text");
        assertThat(HtmlContent.toText(null)).isEmpty();
    }
}

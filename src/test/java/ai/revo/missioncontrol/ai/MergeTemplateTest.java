package ai.revo.missioncontrol.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeTemplateTest {

    private static final Map<String, Object> VARS = Map.of(
            "firstName",
            "Ada",
            "lead",
            Map.of("firstName", "Grace", "company", "Navy", "city", ""),
            "campaign",
            Map.of("agentName", "Sam", "budget", 1200.0, "rate", 0.25),
            "wins",
            List.of("Two demos booked", "One contract signed"),
            "channel",
            "EMAIL",
            "active",
            true);

    @Test
    void rendersFieldsAndDottedPathsIntoNestedMaps() {
        assertThat(MergeTemplate.render(
                        "Hi {{firstName}}, {{ lead.firstName }} of {{lead.company}}; {{campaign.agentName}}", VARS))
                .isEqualTo("Hi Ada, Grace of Navy; Sam");
    }

    @Test
    void missingValueWithoutFallbackRendersEmpty() {
        assertThat(MergeTemplate.render("[{{nobody}}][{{lead.nothing}}][{{firstName.deeper}}]", VARS))
                .isEqualTo("[][][]");
    }

    @Test
    void fallbackIsUsedForMissingOrBlankValues() {
        assertThat(MergeTemplate.render("{{lead.lastName|there}} {{lead.city|somewhere}} {{firstName|x}}", VARS))
                .isEqualTo("there somewhere Ada");
        assertThat(MergeTemplate.render("A quick idea for {{lead.team|your team}}", Map.of()))
                .isEqualTo("A quick idea for your team");
    }

    @Test
    void numbersListsAndMapsRenderReadably() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("drafts", 12);
        figures.put("replies", 3.0);
        assertThat(MergeTemplate.render(
                        "{{campaign.budget}} {{campaign.rate}} {{wins}} | {{figures}}",
                        Map.of("campaign", VARS.get("campaign"), "wins", VARS.get("wins"), "figures", figures)))
                .isEqualTo("1200 0.25 Two demos booked, One contract signed | drafts: 12, replies: 3");
    }

    @Test
    void sectionsRepeatListsAndInvertedSectionsCoverEmptyOnes() {
        String t = "{{#wins}}- {{.}}\n{{/wins}}{{^wins}}- none\n{{/wins}}";
        assertThat(MergeTemplate.render(t, VARS)).isEqualTo("- Two demos booked\n- One contract signed\n");
        assertThat(MergeTemplate.render(t, Map.of("wins", List.of()))).isEqualTo("- none\n");
        assertThat(MergeTemplate.render(t, Map.of())).isEqualTo("- none\n");
    }

    @Test
    void sectionOverListOfMapsResolvesItemFieldsFirstThenOuterOnes() {
        Map<String, Object> vars =
                Map.of("sender", "Sam", "leads", List.of(Map.of("name", "Ada"), Map.of("name", "Grace")));
        assertThat(MergeTemplate.render("{{#leads}}{{name}} from {{sender}}; {{/leads}}", vars))
                .isEqualTo("Ada from Sam; Grace from Sam; ");
    }

    @Test
    void scalarSectionsRenderOnceWhenPresentAndEqualityConditionsCompareIgnoringCase() {
        assertThat(MergeTemplate.render(
                        "{{#lead.company}} at {{lead.company}}{{/lead.company}}{{#lead.city}} in {{lead.city}}{{/lead.city}}",
                        VARS))
                .isEqualTo(" at Navy");
        assertThat(MergeTemplate.render("{{#active}}on{{/active}}{{^active}}off{{/active}}", VARS))
                .isEqualTo("on");
        assertThat(MergeTemplate.render(
                        "{{#channel=email}}Subject{{/channel=email}}{{^channel=EMAIL}}none{{/channel=EMAIL}}", VARS))
                .isEqualTo("Subject");
        assertThat(MergeTemplate.render("{{#channel=EMAIL}}Subject{{/channel=EMAIL}}", Map.of("channel", "SMS")))
                .isEmpty();
    }

    @Test
    void brokenTagsStayVisibleAndNeverThrow() {
        assertThat(MergeTemplate.render("Hi {{firstName", VARS)).isEqualTo("Hi {{firstName");
        assertThat(MergeTemplate.render("a {{/x}} b {{}}", VARS)).isEqualTo("a {{/x}} b {{}}");
        assertThat(MergeTemplate.render("{{#wins}}open", VARS)).isEqualTo("{{#wins}}open");
        assertThat(MergeTemplate.render(null, VARS)).isEmpty();
        assertThat(MergeTemplate.render("{{x}}", null)).isEmpty();
        assertThat(MergeTemplate.render("{ single } braces", VARS)).isEqualTo("{ single } braces");
    }

    @Test
    void fieldsListsEveryPathInOrderOfFirstUse() {
        assertThat(MergeTemplate.fields("{{lead.firstName|there}} {{#wins}}{{.}}{{/wins}} {{campaign.agentName}} "
                        + "{{lead.firstName}} {{#channel=EMAIL}}x{{/channel=EMAIL}}"))
                .containsExactly("lead.firstName", "wins", "campaign.agentName", "channel");
        assertThat(MergeTemplate.fields(null)).isEmpty();
    }

    @Test
    void flatKeysWithDotsWinOverNesting() {
        assertThat(MergeTemplate.render("{{lead.firstName}}", Map.of("lead.firstName", "Flat")))
                .isEqualTo("Flat");
    }
}

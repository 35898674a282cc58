package ai.revo.missioncontrol.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a template's body reads with its parameters, as the picker previews it and the thread records it. */
class WhatsAppTemplateRenderTest {

    @Test
    void positionalPlaceholdersTakeTheParameterOfTheirNumber() {
        assertThat(WhatsAppTemplates.render("{{2}} for {{1}}, {{1}}!", List.of("Sheena", "Gold")))
                .isEqualTo("Gold for Sheena, Sheena!");
    }

    @Test
    void namedPlaceholdersTakeTheParametersInTheOrderTheyFirstAppear() {
        assertThat(WhatsAppTemplates.render("Hi {{first_name}}, order {{ order }} ships", List.of("Ada", "A-1")))
                .isEqualTo("Hi Ada, order A-1 ships");
    }

    @Test
    void aPlaceholderWithoutAParameterStaysAndReplacementsAreLiteral() {
        assertThat(WhatsAppTemplates.render("Hi {{1}}, {{2}}.", List.of("$1 \\o/", " ")))
                .isEqualTo("Hi $1 \\o/, {{2}}.");
        assertThat(WhatsAppTemplates.render(null, List.of())).isEmpty();
        assertThat(WhatsAppTemplates.render("Hello!", null)).isEqualTo("Hello!");
    }
}

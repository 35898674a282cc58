package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDescriptionsRenderTest {

    @Test
    void optionalPartsAreLeftOutWhenAValueInsideIsMissing() {
        Map<String, String> values = Map.of("lead", "Ana Silva", "from", "new", "to", "contacted");
        assertThat(EventDescriptions.render("[{lead} ]moved from {from} to {to}[ in {campaign}]", values::get))
                .isEqualTo("Ana Silva moved from new to contacted");
    }

    @Test
    void aFlagPicksItsTextAndAMissingRequiredValueShowsAnEllipsis() {
        assertThat(EventDescriptions.render("Dry run turned {enabled|on|off}", Map.of("enabled", "false")::get))
                .isEqualTo("Dry run turned off");
        assertThat(EventDescriptions.render("Email to {to} sent", Map.<String, String>of()::get))
                .isEqualTo("Email to … sent");
    }
}

package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunCountersTest {

    private final RunCounters counters = new RunCounters();

    private static RunItemView item(String outcome, String message) {
        return new RunItemView(UUID.randomUUID(), 1, "lead", "x", "Ana", outcome, message, null, false, Instant.now());
    }

    @Test
    void countersReadAsASentenceWithTheSkipsAndTheirReasons() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("skipped", 3);
        output.put("leadsEnriched", 12);
        output.put("draftsSubmitted", 9);
        List<RunItemView> items = List.of(
                item("SKIPPED", "Already has a draft"),
                item("SKIPPED", "Already has a draft"),
                item("SKIPPED", "Pre-check: no email address"),
                item("DONE", "EMAIL draft"));
        assertThat(counters.inWords(output, items))
                .isEqualTo("12 leads researched and scored, 9 drafts written, "
                        + "3 skipped (2 Already has a draft; 1 Pre-check: no email address)");
    }

    @Test
    void oneOfAKindIsSingularAndAnUnknownCounterKeepsItsName() {
        assertThat(counters.inWords(Map.of("leadsEnrolled", 1))).isEqualTo("1 lead enrolled");
        assertThat(counters.inWords(Map.of("newThings", 2))).isEqualTo("2 new things");
        assertThat(counters.inWords(Map.of())).isEqualTo("nothing to do");
        assertThat(counters.inWords(Map.of("skipped", 1), List.of(item("SKIPPED", "No email address"))))
                .isEqualTo("1 skipped (No email address)");
    }
}

package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventDescriptionsTest {

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

    /** A module's names that counts how often it is asked. */
    private record Counting(String kind, Map<String, String> known, AtomicInteger asked) implements EntityNames {
        @Override
        public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
            asked.incrementAndGet();
            Map<String, String> out = new HashMap<>(known);
            out.keySet().retainAll(ids);
            return out;
        }
    }

    @Test
    void aPageOfEventsAsksEachKindOfNameOnceNotOncePerRow() {
        UUID campaign = UUID.randomUUID();
        Map<String, String> leads = new HashMap<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID lead = UUID.randomUUID();
            leads.put(lead.toString(), "Lead " + i);
            events.add(new EventEnvelope(
                    UUID.randomUUID(),
                    i + 1,
                    "lead.status_changed",
                    EventCategory.SYSTEM,
                    "lead",
                    lead.toString(),
                    null,
                    campaign,
                    Actor.user(UUID.randomUUID(), "ines@example.com"),
                    Instant.now(),
                    Map.of("from", "NEW", "to", "CONTACTED")));
        }
        AtomicInteger leadQueries = new AtomicInteger();
        AtomicInteger campaignQueries = new AtomicInteger();
        EventDescriptions descriptions = new EventDescriptions(List.of(
                new Counting("lead", leads, leadQueries),
                new Counting("campaign", Map.of(campaign.toString(), "Spring launch"), campaignQueries)));
        TenantScoped tenant = UUID::randomUUID;

        List<FeedRow> rows = descriptions.describe(tenant, events);

        assertThat(rows).hasSize(50);
        assertThat(rows.get(7).description()).isEqualTo("Lead 7 moved from new to contacted in Spring launch");
        assertThat(rows.get(7).who()).isEqualTo("ines@example.com");
        assertThat(leadQueries).hasValue(1);
        assertThat(campaignQueries).hasValue(1);
    }
}

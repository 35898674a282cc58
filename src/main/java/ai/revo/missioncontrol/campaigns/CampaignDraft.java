package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.safety.Channel;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What a client sends to create or change a campaign; every field is optional on change (empty = unchanged).
 * A present-but-null date clears it.
 */
public record CampaignDraft(
        Optional<String> name,
        Optional<String> description,
        Optional<String> objective,
        Optional<Set<Channel>> channels,
        Optional<Optional<LocalDate>> startDate,
        Optional<Optional<LocalDate>> endDate,
        Optional<String> timezone,
        Optional<Criteria> criteria,
        Optional<Persona> persona) {}

package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A campaign as the API and the pages show it. */
public record CampaignView(
        UUID id,
        String name,
        String description,
        String objective,
        List<Channel> channels,
        CampaignStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String timezone,
        Criteria criteria,
        Persona persona,
        String systemPrompt,
        Instant createdAt,
        Instant updatedAt) {}

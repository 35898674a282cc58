package ai.revo.missioncontrol.contacts;

import java.time.Instant;
import java.util.UUID;

/** What the workspace knows about a company, found by the domain of its people's email addresses. */
public record CompanyView(
        UUID id,
        String domain,
        String name,
        String industry,
        String size,
        Integer employees,
        String city,
        String country,
        String timezone,
        String website,
        Instant updatedAt) {}

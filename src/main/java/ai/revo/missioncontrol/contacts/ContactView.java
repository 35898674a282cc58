package ai.revo.missioncontrol.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A contact as the API shows it; {@code campaigns} lists the campaigns the contact is a lead in (detail only). */
public record ContactView(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        String city,
        String country,
        String timezone,
        String source,
        List<String> tags,
        Map<String, Object> customFields,
        Instant createdAt,
        Instant updatedAt,
        List<Enrolment> campaigns) {

    /** A campaign the contact is in, with the lead's id and status there. */
    public record Enrolment(UUID campaignId, UUID leadId, LeadStatus status) {}

    ContactView withCampaigns(List<Enrolment> enrolments) {
        return new ContactView(
                id,
                firstName,
                lastName,
                email,
                phone,
                company,
                jobTitle,
                city,
                country,
                timezone,
                source,
                tags,
                customFields,
                createdAt,
                updatedAt,
                enrolments);
    }
}

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

    /** A campaign the contact is in (its name when known), with the lead's id, status and effective score there. */
    public record Enrolment(UUID campaignId, String campaignName, UUID leadId, LeadStatus status, Score score) {}

    /** The name a person reads: first and last name, else the email, else the phone. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return !name.isEmpty() ? name : email != null ? email : phone;
    }

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

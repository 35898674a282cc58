package ai.revo.missioncontrol.campaigns.web;

import ai.revo.missioncontrol.campaigns.CampaignDraft;
import ai.revo.missioncontrol.campaigns.Criteria;
import ai.revo.missioncontrol.campaigns.Persona;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The campaign form of the dashboard, bound from its fields. */
record CampaignForm(
        String name,
        String description,
        String objective,
        List<Channel> channels,
        String startDate,
        String endDate,
        String timezone,
        String agentName,
        Integer tone,
        Integer tenacity,
        Integer emoji,
        Integer length,
        Boolean booking,
        String bookingLink,
        Boolean discount,
        Integer discountMax,
        Boolean handoff,
        Boolean catalog,
        String industries,
        String companySizes,
        String titles,
        String locations,
        Integer confidenceThreshold,
        Integer knowledgeThreshold) {

    /** The ideal-customer criteria, each dimension written as {@code value:weight, value:weight} (weight 0 to 100). */
    Optional<Criteria> criteria() {
        if (industries == null && companySizes == null && titles == null && locations == null) {
            return Optional.empty();
        }
        return Optional.of(new Criteria(
                weighted("industries", industries),
                weighted("companySizes", companySizes),
                weighted("titles", titles),
                weighted("locations", locations)));
    }

    private static List<Criteria.Weighted> weighted(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        java.util.List<Criteria.Weighted> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split(":");
            try {
                int weight = pair.length > 1 ? Integer.parseInt(pair[1].trim()) : 50;
                out.add(new Criteria.Weighted(pair[0].trim(), weight));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField(field, "write it as value:weight, value:weight (weights 0 to 100)");
            }
        }
        return out;
    }

    static String text(List<Criteria.Weighted> values) {
        return String.join(
                ", ", values.stream().map(w -> w.value() + ":" + w.weight()).toList());
    }

    Persona persona() {
        try {
            return new Persona(
                    agentName,
                    tone,
                    tenacity,
                    emoji,
                    length,
                    new Persona.Skills(
                            new Persona.AppointmentBooking(Boolean.TRUE.equals(booking), bookingLink),
                            new Persona.DiscountAuthority(
                                    Boolean.TRUE.equals(discount), discountMax == null ? 0 : discountMax),
                            new Persona.Toggle(Boolean.TRUE.equals(handoff)),
                            new Persona.Toggle(Boolean.TRUE.equals(catalog))),
                    confidenceThreshold,
                    knowledgeThreshold);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int space = message.indexOf(' ');
            throw ApiException.invalidField(message.substring(0, space), message.substring(space + 1));
        }
    }

    CampaignDraft draft(boolean withPersona) {
        Set<Channel> chosen = channels == null || channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
        return new CampaignDraft(
                Optional.ofNullable(name),
                Optional.of(description == null ? "" : description),
                Optional.of(objective == null ? "" : objective),
                Optional.of(chosen),
                Optional.of(date("startDate", startDate)),
                Optional.of(date("endDate", endDate)),
                Optional.ofNullable(timezone == null || timezone.isBlank() ? null : timezone),
                withPersona ? criteria() : Optional.empty(),
                withPersona ? Optional.of(persona()) : Optional.empty());
    }

    private static Optional<LocalDate> date(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date such as 2027-03-01");
        }
    }
}

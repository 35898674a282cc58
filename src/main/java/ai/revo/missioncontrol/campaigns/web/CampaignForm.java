package ai.revo.missioncontrol.campaigns.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.revo.missioncontrol.campaigns.CampaignDraft;
import ai.revo.missioncontrol.campaigns.Persona;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;

/** The campaign form of the dashboard, bound from its fields. */
record CampaignForm(String name, String description, String objective, List<Channel> channels, String startDate,
        String endDate, String timezone, String agentName, Integer tone, Integer tenacity, Integer emoji,
        Integer length, Boolean booking, String bookingLink, Boolean discount, Integer discountMax, Boolean handoff,
        Boolean catalog) {

    Persona persona() {
        try {
            return new Persona(agentName, tone, tenacity, emoji, length, new Persona.Skills(
                    new Persona.AppointmentBooking(Boolean.TRUE.equals(booking), bookingLink),
                    new Persona.DiscountAuthority(Boolean.TRUE.equals(discount), discountMax == null ? 0 : discountMax),
                    new Persona.Toggle(Boolean.TRUE.equals(handoff)), new Persona.Toggle(Boolean.TRUE.equals(catalog))));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int space = message.indexOf(' ');
            throw ApiException.invalidField(message.substring(0, space), message.substring(space + 1));
        }
    }

    CampaignDraft draft(boolean withPersona) {
        Set<Channel> chosen = channels == null || channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
        return new CampaignDraft(Optional.ofNullable(name), Optional.of(description == null ? "" : description),
                Optional.of(objective == null ? "" : objective), Optional.of(chosen),
                Optional.of(date("startDate", startDate)), Optional.of(date("endDate", endDate)),
                Optional.ofNullable(timezone == null || timezone.isBlank() ? null : timezone),
                Optional.empty(), withPersona ? Optional.of(persona()) : Optional.empty());
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

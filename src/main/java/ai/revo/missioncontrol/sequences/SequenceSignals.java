package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules' facts do to sequences: the stop rules (a reply on any channel, an unsubscribe, a hard bounce,
 * a suppression of the person's address, the lead moving to BOOKED, WON, LOST or DND) and the email facts counted per
 * step. Each stop takes the enrolments' row locks, so it is ordered against a step due in the same second. Each
 * method runs in a transaction of its own, begun after the tenant is bound (the module listeners calling them have
 * one without a tenant).
 */
@Service
public class SequenceSignals {

    private final Enrolments enrolments;
    private final StepRuns runs;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final SequenceRunner runner;
    private final Clock clock;

    SequenceSignals(
            Enrolments enrolments,
            StepRuns runs,
            LeadManagement leads,
            ContactManagement contacts,
            SequenceRunner runner,
            Clock clock) {
        this.enrolments = enrolments;
        this.runs = runs;
        this.leads = leads;
        this.contacts = contacts;
        this.runner = runner;
        this.clock = clock;
    }

    /** Stops every open enrolment of the person; returns how many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int stopPerson(TenantId tenant, UUID contactId, String reason, Actor actor) {
        return enrolments.stopOpen(tenant, contactId, null, reason, actor);
    }

    /** Stops every open enrolment of the person behind this lead (in any campaign); 0 for an unknown lead. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int stopPersonOfLead(TenantId tenant, UUID leadId, String reason, Actor actor) {
        UUID contactId = leads.getAll(tenant, List.of(leadId)).stream()
                .findFirst()
                .map(l -> l.contactId())
                .orElse(null);
        return contactId == null ? 0 : enrolments.stopOpen(tenant, contactId, null, reason, actor);
    }

    /** Stops the open enrolments of this one lead (its move belongs to its campaign). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int stopLead(TenantId tenant, UUID leadId, String reason, Actor actor) {
        return enrolments.stopOpen(tenant, null, leadId, reason, actor);
    }

    /**
     * Stops every open enrolment of the people with this address on this channel. Only an email address (EMAIL) or
     * a phone number (WHATSAPP, SMS) names a contact; a social handle or an address no contact could have stops
     * nothing. Nothing called here throws for such an address: an exception crossing a transactional call would
     * leave this transaction rollback-only, and its commit would fail even though the exception was caught.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int stopAddress(TenantId tenant, Channel channel, String address, String reason, Actor actor) {
        List<ContactView> people = switch (channel) {
            case EMAIL -> contacts.matchingAddress(tenant, address, null);
            case WHATSAPP, SMS -> contacts.matchingAddress(tenant, null, address);
            default -> List.of();
        };
        int stopped = 0;
        for (ContactView person : people) {
            stopped += enrolments.stopOpen(tenant, person.id(), null, reason, actor);
        }
        return stopped;
    }

    /**
     * Stamps a fact ({@code sent}, {@code opened}, {@code clicked} ...) on the step run that produced the email. Once
     * the email went out or failed for good, the enrolment's next step is looked at again at once: its delay counts
     * from that moment.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordEmail(TenantId tenant, UUID emailId, String fact) {
        var now = clock.instant();
        switch (fact) {
            case "sent" -> runs.stamp(tenant, emailId, "sent_at", now);
            case "opened" -> runs.stamp(tenant, emailId, "opened_at", now);
            case "clicked" -> {
                runs.stamp(tenant, emailId, "clicked_at", now);
                runs.stamp(tenant, emailId, "opened_at", now);
            }
            case "replied" -> runs.stamp(tenant, emailId, "replied_at", now);
            case "bounced" -> runs.stamp(tenant, emailId, "bounced_at", now);
            case "unsubscribed" -> runs.stamp(tenant, emailId, "unsubscribed_at", now);
            case "failed" -> runs.stamp(tenant, emailId, "failed_at", now);
            default -> {}
        }
        if ("sent".equals(fact) || "failed".equals(fact)) {
            runs.producerOf(tenant, emailId)
                    .ifPresent(p -> runner.previousStepSettled(tenant, p.enrolmentId(), p.position() + 1));
        }
    }
}

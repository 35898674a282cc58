package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadMarkedDoNotContact;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Do-not-contact is a property of the person: when one of their leads is marked DND, their e-mail address and phone
 * number are suppressed (reason DND) for the whole workspace, so no campaign drafts or sends to them again, on any
 * channel. Idempotent: an address already suppressed is left as it is.
 */
@Service
public class PersonDoNotContact {

    private static final Logger log = LoggerFactory.getLogger(PersonDoNotContact.class);

    private final ContactManagement contacts;
    private final SafetyManagement safety;

    PersonDoNotContact(ContactManagement contacts, SafetyManagement safety) {
        this.contacts = contacts;
        this.safety = safety;
    }

    /** Suppresses the person's addresses with reason DND; answers the channels newly suppressed. */
    public List<Channel> honour(TenantId tenant, UUID contactId, UUID campaignId, Actor actor) {
        ContactView contact = contacts.get(tenant, contactId);
        List<Channel> suppressed = new ArrayList<>();
        String note = "Marked do-not-contact (DND) as a lead of campaign " + campaignId;
        if (contact.email() != null && !contact.email().isBlank()) {
            suppress(tenant, Channel.EMAIL, contact.email(), note, actor, suppressed);
        }
        if (contact.phone() != null && !contact.phone().isBlank()) {
            for (Channel c : List.of(Channel.SMS, Channel.WHATSAPP)) {
                suppress(tenant, c, contact.phone(), note, actor, suppressed);
            }
        }
        return suppressed;
    }

    private void suppress(
            TenantId tenant, Channel channel, String address, String note, Actor actor, List<Channel> done) {
        if (safety.isSuppressed(tenant, channel, address)) {
            return;
        }
        try { // no transaction around this class: each suppression is its own, a refused one changes nothing
            safety.suppress(tenant, channel, address, "DND", note, actor);
            done.add(channel);
        } catch (ApiException e) {
            log.info("Could not suppress {} address of a DND person: {}", channel, e.getMessage());
        }
    }

    /**
     * After the lead's move to DND has committed, outside a transaction (each suppression has its own); the
     * publication registry redelivers it when the node died before it finished.
     */
    @Component
    static class Listener {

        private final PersonDoNotContact person;

        Listener(PersonDoNotContact person) {
            this.person = person;
        }

        @Async
        @TransactionalEventListener
        void on(LeadMarkedDoNotContact event) {
            person.honour(
                    new TenantId(event.tenantId()),
                    event.contactId(),
                    event.campaignId(),
                    event.actor() == null ? Actor.system() : event.actor());
        }
    }
}

package ai.revo.missioncontrol.privacy;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Privacy requests about one contact. The export gathers every module's rows about them into one document; the
 * erasure has every module remove or scrub them, in one transaction (complete or not at all), keeps their addresses
 * on the suppression list only as keyed hashes, and records the erasure in the audit log without the erased data.
 */
@Service
public class PrivacyRequests {

    private final ContactManagement contacts;
    private final SafetyManagement safety;
    private final List<PersonalDataHolder> holders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    PrivacyRequests(
            ContactManagement contacts,
            SafetyManagement safety,
            List<PersonalDataHolder> holders,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.contacts = contacts;
        this.safety = safety;
        this.holders = holders;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Everything held about the contact, per module and table; 404 for an unknown contact. Audited. */
    public Map<String, Object> export(TenantId tenant, UUID contactId, Actor actor) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    DataSubject subject = subject(tenant, contactId);
                    Map<String, Object> sections = new LinkedHashMap<>();
                    for (PersonalDataHolder holder : holders) {
                        sections.put(holder.section(), holder.export(subject));
                    }
                    events.publishEvent(new PrivacyEvent(
                            tenant.value(),
                            "privacy.contact_exported",
                            contactId,
                            subject.hash(),
                            sections.size(),
                            actor));
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("contactId", contactId);
                    document.put("exportedAt", clock.instant().toString());
                    document.put("data", sections);
                    return document;
                }));
    }

    /**
     * Erases the contact's personal data everywhere; 404 for an unknown contact. Answers the keyed hash that now
     * stands for them. Audited as privacy.contact_erased with the hash only.
     */
    public String erase(TenantId tenant, UUID contactId, Actor actor) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    DataSubject subject = subject(tenant, contactId);
                    for (PersonalDataHolder holder : holders) {
                        holder.erase(subject);
                    }
                    events.publishEvent(new PrivacyEvent(
                            tenant.value(),
                            "privacy.contact_erased",
                            contactId,
                            subject.hash(),
                            holders.size(),
                            actor));
                    return subject.hash();
                }));
    }

    /** The subject with every module's rows about them, so that rows mentioning only those count as about them. */
    private DataSubject subject(TenantId tenant, UUID contactId) {
        DataSubject subject = person(tenant, contactId);
        java.util.List<UUID> related = new java.util.ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            related.addAll(holder.related(subject));
        }
        return subject.with(related.stream().distinct().toList());
    }

    private DataSubject person(TenantId tenant, UUID contactId) {
        ContactView c = contacts.get(tenant, contactId);
        Set<String> identifiers = new LinkedHashSet<>();
        add(identifiers, c.email());
        if (c.email() != null) {
            add(identifiers, c.email().toLowerCase(Locale.ROOT));
        }
        add(identifiers, c.phone());
        if (c.phone() != null) {
            // the digits as other modules may have stored them (WhatsApp's wa_id has no plus)
            add(identifiers, c.phone().replaceAll("[^0-9]", ""));
        }
        String fullName = ((c.firstName() == null ? "" : c.firstName()) + " "
                        + (c.lastName() == null ? "" : c.lastName()))
                .trim();
        if (fullName.contains(" ")) {
            addName(identifiers, fullName);
        }
        Set<String> names = new LinkedHashSet<>();
        addName(names, c.firstName());
        addName(names, c.lastName());
        add(names, c.jobTitle());
        add(names, c.city());
        List<UUID> leads = c.campaigns() == null
                ? List.of()
                : c.campaigns().stream().map(ContactView.Enrolment::leadId).toList();
        String hash = safety.erasureHash(
                c.email() != null
                        ? c.email().toLowerCase(Locale.ROOT)
                        : c.phone() != null ? c.phone() : contactId.toString());
        return new DataSubject(tenant.value(), contactId, leads, identifiers, names, hash);
    }

    /**
     * A name as given and as it is also written: without the quotes around a nickname ("Bob" as Bob) and with the
     * other apostrophe (O'Brien as O\u2019Brien and back), so that every way it was stored is found.
     */
    private static void addName(Set<String> values, String value) {
        if (value == null) {
            return;
        }
        add(values, value);
        String unquoted = value.strip().replaceAll("[\"\u201c\u201d]", "").replaceAll("\\s+", " ");
        add(values, unquoted);
        for (String v : List.of(value, unquoted)) {
            add(values, v.replace('\'', '\u2019'));
            add(values, v.replace('\u2019', '\''));
        }
    }

    private static void add(Set<String> values, String value) {
        if (value != null && value.strip().length() >= 3) {
            values.add(value.strip());
        }
    }
}

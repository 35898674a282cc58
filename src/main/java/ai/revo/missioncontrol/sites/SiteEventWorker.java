package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one attempt of a stored event on a scheduler thread: map the payload, hand the person to the golden
 * record (the same email or phone is the same contact; a field is only overwritten by a non-empty value, and an
 * event older than one already processed for the contact only fills blanks), enrol a lead in the site's campaign
 * when the person is not yet one, and record the outcome. Each step is its own short transaction; the contact
 * facade's own transactions are never wrapped, so a refusal there is this event's FAILED, not a rollback of ours.
 */
@Component
class SiteEventWorker {

    private static final Logger log = LoggerFactory.getLogger(SiteEventWorker.class);

    private final SiteRepository sites;
    private final SiteEventStore store;
    private final ContactManagement contacts;
    private final LeadManagement leads;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    SiteEventWorker(
            SiteRepository sites,
            SiteEventStore store,
            ContactManagement contacts,
            LeadManagement leads,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.sites = sites;
        this.store = store;
        this.contacts = contacts;
        this.leads = leads;
        this.tx = tx;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    record Work(SiteEventStore.Stored event, UUID siteId, String siteName, UUID campaignId, SiteMapping mapping) {}

    void run(TenantId tenant, UUID eventId, int attempt) {
        TenantContext.callAs(tenant.value(), () -> {
            process(tenant, eventId, attempt);
            return null;
        });
    }

    private void process(TenantId tenant, UUID eventId, int attempt) {
        Work work = tx.execute(s -> store.load(tenant, eventId)
                .filter(e -> e.attempt() == attempt && e.status() == SiteEventStatus.RECEIVED)
                .flatMap(e -> sites.findByTenantIdAndId(tenant, e.siteId())
                        .map(site -> new Work(e, site.id(), site.name(), site.campaignId(), site.mapping())))
                .orElse(null));
        if (work == null) {
            return; // removed, already done, or superseded by a reprocess
        }
        String type = null;
        try {
            JsonNode root;
            try {
                root = json.readTree(work.event().body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                fail(tenant, work, attempt, null, "The body is not JSON: " + e.getOriginalMessage());
                return;
            }
            if (root == null || !root.isObject()) {
                fail(tenant, work, attempt, null, "The body is not a JSON object");
                return;
            }
            PayloadMapper.Mapped mapped = PayloadMapper.map(work.mapping(), root, json);
            type = mapped.type();
            if (mapped.problem() != null) {
                fail(tenant, work, attempt, type, mapped.problem());
                return;
            }
            Actor actor = Actor.agent("site:" + work.siteId(), work.siteName() + " (site)");
            Map<String, Object> properties = new LinkedHashMap<>(mapped.properties());
            Person person = person(tenant, work, mapped, properties);
            ContactView contact = contacts.upsert(tenant, person.details(), actor);
            UUID leadId = lead(tenant, contact.id(), work.campaignId(), actor);
            String eventType = type;
            tx.executeWithoutResult(s -> {
                if (store.processed(
                        tenant, eventId, attempt, eventType, contact.id(), leadId, properties, clock.instant())) {
                    events.publishEvent(new SiteEventProcessed(
                            tenant.value(),
                            eventId,
                            work.siteId(),
                            work.siteName(),
                            eventType,
                            contact.id(),
                            leadId,
                            person.isNew(),
                            Actor.system()));
                }
            });
        } catch (ApiException e) {
            fail(tenant, work, attempt, type, e.getMessage() + fields(e));
        } catch (RuntimeException e) {
            log.warn("Site event {} of workspace {} failed", eventId, tenant.value(), e);
            fail(
                    tenant,
                    work,
                    attempt,
                    type,
                    "Processing failed unexpectedly: " + e.getClass().getSimpleName());
        }
    }

    record Person(ContactDetails details, boolean isNew) {}

    /**
     * Who the payload is about, as the golden record will take it: an email or phone the contacts module refuses is
     * left out (and said in the properties) when the other identifies the person; when the email and the phone
     * belong to two contacts, the email's contact is the person; an event older than the contact's newest processed
     * one only fills the contact's blanks (the newest non-empty value wins).
     */
    private Person person(TenantId tenant, Work work, PayloadMapper.Mapped mapped, Map<String, Object> properties) {
        Map<String, String> c = new LinkedHashMap<>(mapped.contact());
        for (String key : List.of("email", "phone")) {
            String other = key.equals("email") ? "phone" : "email";
            if (c.get(key) != null && (c.get(other) != null || c.get("firstName") != null)) {
                try {
                    contacts.matching(
                            tenant, key.equals("email") ? c.get(key) : null, key.equals("phone") ? c.get(key) : null);
                } catch (ApiException refused) {
                    properties.put(key + "Refused", c.remove(key) + ": " + refused.getMessage());
                }
            }
        }
        List<ContactView> matches = contacts.matching(tenant, c.get("email"), c.get("phone"));
        ContactView existing = matches.isEmpty() ? null : matches.get(0);
        if (matches.size() > 1) {
            String email = c.get("email").toLowerCase(Locale.ROOT).trim();
            existing = matches.stream()
                    .filter(m -> email.equals(m.email()))
                    .findFirst()
                    .orElse(matches.get(0));
            ContactView chosen = existing;
            matches.stream()
                    .filter(m -> !m.id().equals(chosen.id()))
                    .findFirst()
                    .ifPresent(m -> properties.put("phoneBelongsToContact", m.id().toString()));
            c.remove("phone");
        }
        if (existing != null
                && store.newerProcessedExists(
                        tenant,
                        existing.id(),
                        work.event().receivedAt(),
                        work.event().id())) {
            Map<String, String> current = new LinkedHashMap<>();
            current.put("firstName", existing.firstName());
            current.put("lastName", existing.lastName());
            current.put("company", existing.company());
            current.put("jobTitle", existing.jobTitle());
            current.put("city", existing.city());
            current.put("country", existing.country());
            current.put("timezone", existing.timezone());
            current.forEach((field, value) -> {
                if (value != null && !value.isBlank()) {
                    c.remove(field);
                }
            });
        }
        String source = PayloadMapper.clip("site: " + work.siteName(), 100);
        return new Person(
                new PayloadMapper.Mapped(c, mapped.type(), properties, null).details(source), existing == null);
    }

    /** The person's lead in the site's campaign: the existing one, a new one, or none (no campaign, or do-not-contact). */
    private UUID lead(TenantId tenant, UUID contactId, UUID campaignId, Actor actor) {
        if (campaignId == null) {
            return null;
        }
        for (ContactView.Enrolment e : contacts.get(tenant, contactId).campaigns()) {
            if (campaignId.equals(e.campaignId())) {
                return e.leadId();
            }
        }
        if (leads.doNotContactReason(tenant, contactId, null).isPresent()) {
            return null;
        }
        try {
            return leads.enrol(tenant, campaignId, contactId, null, LeadChange.none(), actor)
                    .id();
        } catch (ApiException e) {
            if (e.details().get("leadId") != null) {
                return UUID.fromString(String.valueOf(e.details().get("leadId")));
            }
            throw e;
        }
    }

    private void fail(TenantId tenant, Work work, int attempt, String type, String error) {
        tx.executeWithoutResult(s -> {
            if (store.failed(tenant, work.event().id(), attempt, type, error, clock.instant())) {
                events.publishEvent(new SiteEventFailed(
                        tenant.value(), work.event().id(), work.siteId(), work.siteName(), error, Actor.system()));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static String fields(ApiException e) {
        Object fields = e.details().get("fields");
        return fields instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                ? " (" + first.get("field") + ")"
                : "";
    }
}

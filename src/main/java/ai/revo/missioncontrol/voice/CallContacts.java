package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.sites.SiteView;
import ai.revo.missioncontrol.sites.Sites;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is calling, through the contacts module: the caller's context for the assistant (by number), and, once a
 * call's report has committed, the caller as a golden-record contact (the same number is the same person) with a
 * lead in the site's campaign when they are not yet one (not when a lead of theirs is DND or LOST).
 */
@Component
class CallContacts {

    private static final Logger log = LoggerFactory.getLogger(CallContacts.class);
    private static final Set<LeadStatus> CLOSED = EnumSet.of(LeadStatus.WON, LeadStatus.LOST, LeadStatus.DND);

    private final ContactManagement contacts;
    private final LeadManagement leads;
    private final Sites sites;
    private final CallStore store;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    CallContacts(
            ContactManagement contacts,
            LeadManagement leads,
            Sites sites,
            CallStore store,
            ApplicationEventPublisher events,
            ObjectMapper json,
            TransactionTemplate tx,
            Clock clock) {
        this.contacts = contacts;
        this.leads = leads;
        this.sites = sites;
        this.store = store;
        this.events = events;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The assistant's variables for a caller (tenant bound): {@code knownCaller} "true"/"false", and for a known one
     * {@code customerName}, {@code customerEmail}, {@code company}, {@code openLeads} (campaign and status) and
     * {@code lastInteractions} (the last three calls' dates and summaries).
     */
    Map<String, String> context(TenantId tenant, String number) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (number != null) {
            vars.put("callerNumber", number);
        }
        Optional<ContactView> contact = caller(tenant, number);
        vars.put("knownCaller", Boolean.toString(contact.isPresent()));
        contact.ifPresent(c -> {
            put(vars, "customerName", c.displayName());
            put(vars, "customerFirstName", c.firstName());
            put(vars, "customerEmail", c.email());
            put(vars, "company", c.company());
            put(
                    vars,
                    "openLeads",
                    c.campaigns() == null
                            ? null
                            : c.campaigns().stream()
                                    .filter(e -> !CLOSED.contains(e.status()))
                                    .map(e -> (e.campaignName() == null ? "campaign" : e.campaignName()) + " ("
                                            + e.status() + ")")
                                    .collect(Collectors.joining("; ")));
            put(
                    vars,
                    "lastInteractions",
                    store.list(tenant, null, c.id(), new PageQuery(1, 3)).stream()
                            .map(call -> (call.startedAt() == null ? call.createdAt() : call.startedAt())
                                            .toString()
                                            .substring(0, 10)
                                    + " call"
                                    + (call.summary() == null ? "" : ": " + CallStore.clip(call.summary(), 300)))
                            .collect(Collectors.joining("; ")));
        });
        return vars;
    }

    /** The {@code lookup_contact} tool's answer: the caller's context as JSON text. */
    String describe(TenantId tenant, String number) {
        try {
            return json.writeValueAsString(context(tenant, number));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ContactView> caller(TenantId tenant, String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        try {
            List<ContactView> found = contacts.matching(tenant, null, number);
            return found.isEmpty()
                    ? Optional.empty()
                    : Optional.of(contacts.get(tenant, found.get(0).id()));
        } catch (ApiException notAPhone) {
            return Optional.empty();
        }
    }

    /**
     * After the report commits, on another thread. Not an {@code @ApplicationModuleListener}: its transaction would
     * start before the tenant is bound (row-level security would show no rows); the publication registry still
     * keeps the event until this returns, and the contacts facade's calls run in their own transactions.
     */
    @Async
    @TransactionalEventListener
    void on(CallEnded ended) {
        if (ended.callerNumber() == null) {
            return; // a web call: no number to know the person by
        }
        TenantId tenant = new TenantId(ended.tenantId());
        TenantContext.runAs(tenant.value(), () -> link(tenant, ended));
    }

    private void link(TenantId tenant, CallEnded ended) {
        CallView call = tx.execute(s -> store.get(tenant, ended.callId()).orElse(null));
        if (call == null || call.contactId() != null) {
            return; // removed with its site, or linked by an earlier delivery of this event
        }
        SiteView site = sites.get(tenant, call.siteId());
        Actor actor = Actor.agent("site:" + site.id(), site.name() + " (site)");
        List<ContactView> known;
        try {
            known = contacts.matching(tenant, null, call.callerNumber());
        } catch (ApiException notAPhone) {
            log.info("Call {} of workspace {}: the caller's number is not a phone number", call.id(), tenant.value());
            return;
        }
        boolean isNew = known.isEmpty();
        ContactView contact = isNew
                ? contacts.upsert(
                        tenant,
                        new ContactDetails(
                                firstName(call.callerName()),
                                lastName(call.callerName()),
                                null,
                                call.callerNumber(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                CallStore.clip("call: " + site.name(), 100),
                                null,
                                null),
                        actor)
                : known.get(0);
        UUID leadId = lead(tenant, contact.id(), site.campaignId(), actor);
        tx.executeWithoutResult(s -> {
            if (store.link(tenant, call.id(), contact.id(), leadId, clock.instant())) {
                events.publishEvent(new CallLinked(
                        tenant.value(), call.id(), call.siteId(), contact.id(), leadId, isNew, Actor.system()));
            }
        });
    }

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

    private static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim();
        int space = n.indexOf(' ');
        return CallStore.clip(space < 0 ? n : n.substring(0, space), 100);
    }

    private static String lastName(String name) {
        if (name == null || name.isBlank() || name.trim().indexOf(' ') < 0) {
            return null;
        }
        String n = name.trim();
        return CallStore.clip(n.substring(n.indexOf(' ') + 1).trim(), 100);
    }

    private static void put(Map<String, String> vars, String key, String value) {
        if (value != null && !value.isBlank()) {
            vars.put(key, value);
        }
    }
}

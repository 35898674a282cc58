package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Deals: opened from a lead or on a contact, changed, moved through the pipeline (every move kept), listed, and
 * summed into the pipeline and the forecast. The contact, lead and company are read from their module before the
 * short transaction that writes the deal, so a missing one is a clear 400 and nothing is written.
 */
@Service
public class Deals {

    private final DealSteps steps;
    private final PipelineStages stages;
    private final ContactManagement contacts;
    private final LeadManagement leads;
    private final CompanyDirectory companies;
    private final UserManagement users;
    private final Clock clock;

    Deals(
            DealSteps steps,
            PipelineStages stages,
            ContactManagement contacts,
            LeadManagement leads,
            CompanyDirectory companies,
            UserManagement users,
            Clock clock) {
        this.steps = steps;
        this.stages = stages;
        this.contacts = contacts;
        this.leads = leads;
        this.companies = companies;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Opens a deal. With {@code leadId}: on the lead's contact, its potential value and currency, its campaign and
     * owner unless the draft says otherwise (409 when the lead already has a deal). Otherwise on {@code contactId}.
     * The stage defaults to the first OPEN stage; 400 naming the field for anything invalid.
     */
    public DealView create(TenantId tenant, DealDraft draft, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        LeadView lead = null;
        UUID contactId = draft.contactId();
        if (draft.leadId() != null) {
            lead = found("leadId", () -> leads.get(tenant, draft.leadId()));
            if (contactId != null && !contactId.equals(lead.contactId())) {
                throw ApiException.invalidField("contactId", "is not the lead's contact");
            }
            contactId = lead.contactId();
        }
        if (contactId == null) {
            throw ApiException.invalidField("contactId", "is required (or leadId)");
        }
        UUID cid = contactId;
        ContactView contact = found("contactId", () -> contacts.get(tenant, cid));
        CompanyView company = contact.email() == null
                ? null
                : companies.forEmail(tenant, contact.email()).orElse(null);
        String companyName = draft.company() != null
                ? draft.company()
                : company != null && company.name() != null ? company.name() : contact.company();
        BigDecimal amount = draft.amount() != null ? draft.amount() : lead == null ? null : lead.potentialValue();
        String currency = draft.currency() != null ? draft.currency() : lead == null ? null : lead.currency();
        String name = draft.name() != null
                ? draft.name()
                : (companyName != null ? companyName : contact.displayName()) + " deal";
        DealDraft complete = new DealDraft(
                draft.leadId(),
                contactId,
                name,
                amount,
                draft.listAmount(),
                currency,
                draft.stageId(),
                draft.probability(),
                draft.expectedCloseDate(),
                draft.ownerId() != null ? draft.ownerId() : lead == null ? null : lead.ownerId(),
                draft.sourceCampaignId() != null ? draft.sourceCampaignId() : lead == null ? null : lead.campaignId(),
                draft.nextStep(),
                companyName);
        Deal deal =
                steps.open(tenant, contactId, draft.leadId(), company == null ? null : company.id(), complete, actor);
        return view(tenant, deal, contact.displayName());
    }

    /** Changes the fields the draft carries (not the stage: {@link #move}); 404, 400, or 409 when changed meanwhile. */
    public DealView change(TenantId tenant, UUID id, DealDraft draft, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        if (draft.stageId() != null) {
            throw ApiException.invalidField("stageId", "is changed with POST /api/v1/deals/{id}/stage");
        }
        return view(tenant, steps.change(tenant, id, draft, actor), null);
    }

    /**
     * Moves the deal to a stage of its workspace (400 for an unknown stage or another workspace's, or a LOST stage
     * without a reason); the move is kept in the deal's history. Moving to the stage it is in changes nothing.
     */
    public DealView move(TenantId tenant, UUID id, UUID stageId, String lostReason, Actor actor) {
        return view(tenant, steps.move(tenant, id, stageId, lostReason, actor), null);
    }

    public DealView get(TenantId tenant, UUID id) {
        return view(tenant, steps.load(tenant, id), null);
    }

    /** Deals by stage order, most recently changed first within a stage. */
    public PageResult<DealView> list(TenantId tenant, DealQuery query, PageQuery page) {
        DealQuery q = query == null ? DealQuery.all() : query;
        List<Deal> found = steps.loadAll(tenant, steps.ids(tenant, q, page.limit(), page.offset()));
        return PageResult.of(views(tenant, found), page, steps.count(tenant, q));
    }

    /** The deal's moves, oldest first (the first one: the stage it was opened in). */
    public List<StageChangeView> history(TenantId tenant, UUID id) {
        steps.load(tenant, id);
        return steps.history(tenant, id);
    }

    /** Every stage in order with its count, total and weighted value per currency. */
    public List<PipelineColumn> pipeline(TenantId tenant) {
        return steps.pipeline(tenant);
    }

    /**
     * Open deals by month of expected close, for {@code months} months (1 to 24, null: 6) from this month in the
     * workspace's time zone: count, unweighted and weighted value per currency.
     */
    public List<ForecastMonth> forecast(TenantId tenant, Integer months) {
        int n = months == null ? 6 : months;
        if (n < 1 || n > 24) {
            throw ApiException.invalidField("months", "must be between 1 and 24");
        }
        LocalDate first = today(tenant).withDayOfMonth(1);
        return steps.forecast(tenant, first, first.plusMonths(n));
    }

    /** Per currency, the deals won since the first of this month in the workspace's time zone. */
    public Map<String, BigDecimal> wonThisMonth(TenantId tenant) {
        ZoneId zone = zone(tenant);
        return steps.wonSince(
                tenant,
                LocalDate.now(clock.withZone(zone))
                        .withDayOfMonth(1)
                        .atStartOfDay(zone)
                        .toInstant());
    }

    LocalDate today(TenantId tenant) {
        return LocalDate.now(clock.withZone(zone(tenant)));
    }

    ZoneId zone(TenantId tenant) {
        try {
            return ZoneId.of(users.workspace(tenant).timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A deal's view for other parts of this module (negotiation, invoices). */
    Deal deal(TenantId tenant, UUID id) {
        return steps.load(tenant, id);
    }

    private DealView view(TenantId tenant, Deal deal, String contactName) {
        if (contactName == null) {
            return views(tenant, List.of(deal)).get(0);
        }
        return deal.view(stages.find(tenant, deal.stageId()).orElse(null), contactName);
    }

    private List<DealView> views(TenantId tenant, List<Deal> deals) {
        Map<UUID, StageView> byId = new HashMap<>();
        stages.list(tenant).forEach(s -> byId.put(s.id(), s));
        Map<UUID, String> names = new HashMap<>();
        contacts.getAll(tenant, deals.stream().map(Deal::contactId).distinct().toList())
                .forEach(c -> names.put(c.id(), c.displayName()));
        return deals.stream()
                .map(d -> d.view(byId.get(d.stageId()), names.get(d.contactId())))
                .toList();
    }

    private static <T> T found(String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw ApiException.invalidField(field, "is not one of this workspace's");
            }
            throw e;
        }
    }
}

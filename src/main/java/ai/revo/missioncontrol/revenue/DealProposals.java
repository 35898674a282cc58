package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales agent's proposals of deals (seed 001's review gate on the deal artifact): for an INTERESTED or BOOKED
 * lead without a deal, a proposal is filed in the approval inbox as a leadless draft of the lead's campaign (so no
 * sender picks it up) and the deal is opened only when a person approves it. The amount is the lead's potential value
 * when it has one with a currency; otherwise none is invented: the proposal says so, and after approval the deal
 * waits for a person to give the amount ({@link #open}). At most one proposal per lead.
 */
@Service
public class DealProposals {

    /** What {@link #propose} did: the proposal filed, or why none was ({@code skipped}). */
    public record Filed(DealProposalView proposal, String skipped) {}

    private static final String COLUMNS = "id, lead_id, contact_id, campaign_id, run_id, name, amount, currency, "
            + "amount_note, status, review_draft_id, deal_id, decision, notes, decided_by, decided_at, created_at";

    private final Deals deals;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final CompanyDirectory companies;
    private final DraftManagement drafts;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealProposals(
            Deals deals,
            LeadManagement leads,
            ContactManagement contacts,
            CompanyDirectory companies,
            DraftManagement drafts,
            JdbcClient jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events,
            Clock clock) {
        this.deals = deals;
        this.leads = leads;
        this.contacts = contacts;
        this.companies = companies;
        this.drafts = drafts;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Files a proposal for the lead, in one transaction with its draft in the approval inbox; skipped (with the reason)
     * when the lead is not INTERESTED or BOOKED, already has a deal, or already had a proposal.
     */
    @Transactional
    public Filed propose(TenantId tenant, UUID leadId, UUID runId, Actor agent) {
        LeadView lead = leads.get(tenant, leadId);
        if (lead.status() != LeadStatus.INTERESTED && lead.status() != LeadStatus.BOOKED) {
            return new Filed(null, "The lead is " + lead.status() + ", not INTERESTED or BOOKED");
        }
        Optional<UUID> deal = dealOf(tenant, leadId);
        if (deal.isPresent()) {
            return new Filed(null, "The lead already has a deal (" + deal.get() + ")");
        }
        Optional<DealProposalView> earlier = jdbc.sql(
                        "select " + COLUMNS + " from deal_proposals where tenant_id = ? and lead_id = ?")
                .params(tenant.value(), leadId)
                .query(this::view)
                .optional();
        if (earlier.isPresent()) {
            return new Filed(
                    null,
                    "A deal was already proposed for this lead (proposal "
                            + earlier.get().id() + ", " + earlier.get().status() + "); it is not proposed twice");
        }
        ContactView contact = contacts.get(tenant, lead.contactId());
        CompanyView company = contact.email() == null
                ? null
                : companies.forEmail(tenant, contact.email()).orElse(null);
        String companyName = company != null && company.name() != null ? company.name() : contact.company();
        String name = truncate((companyName != null ? companyName : contact.displayName()) + " deal", 200);
        BigDecimal amount = null;
        String currency = null;
        String note;
        if (lead.potentialValue() == null) {
            note = "No amount is known: the lead has no potential value recorded and the campaign names no price, so "
                    + "none is proposed. After approval the deal waits for a person to give the amount.";
        } else if (lead.currency() == null) {
            note = "The lead's potential value " + lead.potentialValue().toPlainString() + " has no currency, so no "
                    + "amount is proposed. After approval the deal waits for a person to give the amount.";
        } else {
            try {
                currency = Money.currency("currency", lead.currency());
                amount = Money.amount("amount", lead.potentialValue(), currency);
                note = "The lead's potential value.";
            } catch (ApiException e) {
                amount = null;
                currency = null;
                note = "The lead's potential value " + lead.potentialValue().toPlainString() + " " + lead.currency()
                        + " is not a usable amount (" + e.getMessage() + "), so none is proposed. After approval the "
                        + "deal waits for a person to give the amount.";
            }
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into deal_proposals (id, tenant_id, lead_id, contact_id, campaign_id, run_id, name, amount, "
                        + "currency, amount_note, status, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)")
                .params(
                        id,
                        tenant.value(),
                        leadId,
                        lead.contactId(),
                        lead.campaignId(),
                        runId,
                        name,
                        amount,
                        currency,
                        note,
                        now,
                        now)
                .update();
        String amountLine = amount == null
                ? "Amount: none. " + note
                : "Amount: " + amount.toPlainString() + " " + currency + " (" + note.replace(".", "") + ").";
        String body = "Open a deal for " + contact.displayName() + (companyName == null ? "" : " (" + companyName + ")")
                + ", whose lead is " + lead.status() + ".\n\n"
                + "Deal: " + name + "\n"
                + amountLine + "\n"
                + "Stage: the first open stage of the pipeline.\n\n"
                + "Approving opens the deal. Rejecting opens nothing, and the sales agent does not propose a deal for "
                + "this lead again. Editing this text does not change the amount: change it on the deal afterwards.";
        DraftView draft = drafts.write(
                tenant,
                lead.campaignId(),
                null,
                Channel.EMAIL,
                new DraftContent("Deal proposal: " + name, body, null),
                Priority.NORMAL,
                Map.of("kind", "deal_proposal", "proposalId", id.toString(), "leadId", leadId.toString()),
                null,
                agent);
        drafts.submit(tenant, draft.id(), null, agent);
        jdbc.sql("update deal_proposals set review_draft_id = ? where tenant_id = ? and id = ?")
                .params(draft.id(), tenant.value(), id)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("amount", amount == null ? null : amount.toPlainString());
        details.put("currency", currency);
        details.put("draftId", draft.id().toString());
        publish(tenant, id, leadId, lead.campaignId(), "filed", DealProposalStatus.WAITING, details, agent);
        return new Filed(get(tenant, id), null);
    }

    /**
     * Applies the approval inbox's decision on a proposal's draft (nothing when no open proposal waits for it): an
     * approval opens the deal (or, with no amount known, leaves it AWAITING_AMOUNT; or NOT_OPENED when the lead got
     * a deal meanwhile), a rejection closes it, a request for changes keeps it open for the resubmitted draft.
     */
    @Transactional
    public Optional<DealProposalView> reviewed(
            TenantId tenant, UUID draftId, String decision, boolean approves, String notes, Actor by) {
        Optional<DealProposalView> found = jdbc.sql("select " + COLUMNS + " from deal_proposals where tenant_id = ? "
                        + "and review_draft_id = ? and status in ('WAITING', 'CHANGES_REQUESTED') for update")
                .params(tenant.value(), draftId)
                .query(this::view)
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DealProposalView p = found.get();
        DealProposalStatus status;
        UUID dealId = null;
        Map<String, Object> details = new LinkedHashMap<>();
        if (!approves) {
            status = "REJECT".equals(decision) ? DealProposalStatus.REJECTED : DealProposalStatus.CHANGES_REQUESTED;
        } else {
            Optional<UUID> existing = dealOf(tenant, p.leadId());
            if (existing.isPresent()) {
                status = DealProposalStatus.NOT_OPENED;
                dealId = existing.get();
                details.put("reason", "The lead got a deal meanwhile");
            } else if (p.amount() == null) {
                status = DealProposalStatus.AWAITING_AMOUNT;
            } else {
                dealId = openDeal(tenant, p, p.amount(), p.currency(), by);
                status = DealProposalStatus.APPROVED;
            }
        }
        decide(tenant, p.id(), status, dealId, decision, notes, by);
        if (dealId != null) {
            details.put("dealId", dealId.toString());
        }
        details.put("decision", decision);
        publish(
                tenant,
                p.id(),
                p.leadId(),
                p.campaignId(),
                status.name().toLowerCase(java.util.Locale.ROOT),
                status,
                details,
                by);
        return Optional.of(get(tenant, p.id()));
    }

    /** Opens the deal of an approved proposal that had no amount, with the amount a person gives; 409 otherwise. */
    @Transactional
    public DealProposalView open(TenantId tenant, UUID id, BigDecimal amount, String currency, Actor by) {
        DealProposalView p = jdbc.sql(
                        "select " + COLUMNS + " from deal_proposals where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Deal proposal", id));
        if (p.status() != DealProposalStatus.AWAITING_AMOUNT) {
            throw ApiException.conflict(
                    "Only an approved proposal waiting for its amount can be opened; this one is " + p.status());
        }
        Optional<UUID> existing = dealOf(tenant, p.leadId());
        if (existing.isPresent()) {
            throw ApiException.conflict("The lead already has a deal (" + existing.get() + ")");
        }
        String c = Money.currency("currency", currency);
        BigDecimal a = Money.amount("amount", amount, c);
        UUID dealId = openDeal(tenant, p, a, c, by);
        jdbc.sql("update deal_proposals set status = 'APPROVED', deal_id = ?, amount = ?, currency = ?, "
                        + "amount_note = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(
                        dealId,
                        a,
                        c,
                        "Given by " + by.name() + ".",
                        Timestamp.from(clock.instant()),
                        tenant.value(),
                        id)
                .update();
        publish(
                tenant,
                id,
                p.leadId(),
                p.campaignId(),
                "opened",
                DealProposalStatus.APPROVED,
                Map.of("dealId", dealId.toString(), "amount", a.toPlainString(), "currency", c),
                by);
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public DealProposalView get(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from deal_proposals where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Deal proposal", id));
    }

    @Transactional(readOnly = true)
    public PageResult<DealProposalView> list(TenantId tenant, DealProposalStatus status, PageQuery page) {
        String where = " where tenant_id = ? and (cast(? as text) is null or status = ?)";
        String s = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from deal_proposals" + where)
                .params(tenant.value(), s, s)
                .query(Long.class)
                .single();
        List<DealProposalView> data = jdbc.sql("select " + COLUMNS + " from deal_proposals" + where
                        + " order by created_at desc, id limit ? offset ?")
                .params(tenant.value(), s, s, page.limit(), page.offset())
                .query(this::view)
                .list();
        return PageResult.of(data, page, total);
    }

    private UUID openDeal(TenantId tenant, DealProposalView p, BigDecimal amount, String currency, Actor by) {
        return deals.create(
                        tenant,
                        new DealDraft(
                                p.leadId(),
                                null,
                                p.name(),
                                amount,
                                null,
                                currency,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        by)
                .id();
    }

    private void decide(
            TenantId tenant, UUID id, DealProposalStatus status, UUID dealId, String decision, String notes, Actor by) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update deal_proposals set status = ?, deal_id = ?, decision = ?, notes = ?, decided_by = cast(? as "
                        + "jsonb), decided_at = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(status.name(), dealId, decision, truncate(notes, 2000), write(by), now, now, tenant.value(), id)
                .update();
    }

    private Optional<UUID> dealOf(TenantId tenant, UUID leadId) {
        return jdbc.sql("select id from deals where tenant_id = ? and lead_id = ?")
                .params(tenant.value(), leadId)
                .query(UUID.class)
                .optional();
    }

    private void publish(
            TenantId tenant,
            UUID id,
            UUID leadId,
            UUID campaignId,
            String step,
            DealProposalStatus status,
            Map<String, Object> details,
            Actor actor) {
        events.publishEvent(
                new DealProposalChanged(tenant.value(), id, leadId, campaignId, step, status, details, actor));
    }

    private DealProposalView view(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        String decidedBy = rs.getString("decided_by");
        return new DealProposalView(
                rs.getObject("id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getString("name"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("amount_note"),
                DealProposalStatus.valueOf(rs.getString("status")),
                rs.getObject("review_draft_id", UUID.class),
                rs.getObject("deal_id", UUID.class),
                rs.getString("decision"),
                rs.getString("notes"),
                decidedBy == null ? null : read(decidedBy),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Actor read(String text) {
        try {
            return json.readValue(text, Actor.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

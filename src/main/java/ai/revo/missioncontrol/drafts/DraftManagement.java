package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts and the approval inbox: write and revise (each content a new version), submit, and the five decisions.
 * Decisions are ADMIN-only (the controller enforces the role) and optimistic: of two admins deciding the same
 * draft at once, exactly one wins.
 */
@Service
public class DraftManagement {

    private final DraftRepository drafts;
    private final DraftHistory history;
    private final LeadManagement leads;
    private final CampaignManagement campaigns;
    private final TaskManagement tasks;
    private final ApprovalInbox inbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    DraftManagement(
            DraftRepository drafts,
            DraftHistory history,
            LeadManagement leads,
            CampaignManagement campaigns,
            TaskManagement tasks,
            ApprovalInbox inbox,
            JdbcClient jdbc,
            Clock clock) {
        this.inbox = inbox;
        this.drafts = drafts;
        this.history = history;
        this.leads = leads;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes a new draft (version 1). The lead, when given, must be of the same campaign; it moves to DRAFTED when
     * its pipeline allows. 404 when the campaign or lead is not in this workspace.
     */
    @Transactional
    public DraftView write(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            Channel channel,
            DraftContent content,
            Priority priority,
            Map<String, Object> checks,
            BigDecimal confidence,
            Actor author) {
        return write(tenant, campaignId, leadId, channel, content, priority, checks, List.of(), confidence, author);
    }

    /** As the other {@code write}, keeping the knowledge passages the draft was written from ({@code sources}). */
    @Transactional
    public DraftView write(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            Channel channel,
            DraftContent content,
            Priority priority,
            Map<String, Object> checks,
            List<DraftSource> sources,
            BigDecimal confidence,
            Actor author) {
        if (campaignId == null) {
            throw ApiException.invalidField("campaignId", "is required");
        }
        campaigns.get(tenant, campaignId);
        if (leadId != null) {
            LeadView lead = leads.get(tenant, leadId);
            if (!lead.campaignId().equals(campaignId)) {
                throw ApiException.invalidField("leadId", "belongs to another campaign");
            }
        }
        Instant now = clock.instant();
        Draft draft;
        try {
            draft = drafts.save(Draft.write(
                    tenant, campaignId, leadId, channel, content, priority, checks, sources, confidence, author, now));
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) { // drafts_one_open_per_lead_channel
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "This lead already has an open " + channel + " draft in this campaign; decide on it first",
                        Map.of("leadId", leadId.toString(), "channel", String.valueOf(channel)));
            }
            throw e;
        }
        history.recordVersion(tenant, draft.id(), 1, draft.content(), author, "written", now);
        if (leadId != null) {
            leads.advance(tenant, leadId, LeadStatus.DRAFTED, author);
        }
        return draft.view();
    }

    /** Revises a DRAFT (a new version when the content changes) and/or changes its priority; 409 otherwise. */
    @Transactional
    public DraftView revise(
            TenantId tenant, UUID id, DraftContent content, Priority priority, String reason, Long etag, Actor author) {
        Draft draft = load(tenant, id, etag);
        Instant now = clock.instant();
        if (content != null && draft.revise(content, author, now)) {
            history.recordVersion(
                    tenant,
                    id,
                    draft.versionNumber(),
                    draft.content(),
                    author,
                    reason == null || reason.isBlank() ? "edited" : reason.trim(),
                    now);
        }
        draft.reprioritise(priority, now);
        return drafts.save(draft).view();
    }

    /** Puts a DRAFT into the approval inbox; 409 when it is not a DRAFT. */
    @Transactional
    public DraftView submit(TenantId tenant, UUID id, Long etag, Actor actor) {
        Draft draft = load(tenant, id, etag);
        draft.submit(actor, clock.instant());
        DraftView view = drafts.save(draft).view();
        // the board shows what waits for a person: a submitted draft has its task in NEEDS_APPROVAL
        java.util.Optional<ai.revo.missioncontrol.tasks.TaskView> task = tasks.forDraft(tenant, id);
        if (task.isPresent()) {
            tasks.move(tenant, task.get().id(), BoardColumn.NEEDS_APPROVAL, null, actor, false);
        } else {
            var created = tasks.create(
                    tenant,
                    new TaskManagement.TaskFields(
                            "Review: " + (view.subject() != null ? view.subject() : view.channel() + " message"),
                            null,
                            view.priority().name(),
                            null,
                            java.util.List.of("approval"),
                            null,
                            id,
                            view.leadId(),
                            view.campaignId()),
                    BoardColumn.BACKLOG,
                    actor);
            tasks.move(tenant, created.id(), BoardColumn.NEEDS_APPROVAL, null, actor, false);
        }
        return view;
    }

    /**
     * One of the five decisions on a draft waiting for approval (409 when it is not waiting, or when another admin
     * decided first). Reject needs a reason and request-changes needs notes (400 otherwise); an inline edit is a new
     * version by the approver, then approved.
     */
    @Transactional
    public DraftView decide(
            TenantId tenant, UUID id, Decision decision, String notes, DraftContent edit, Long etag, Actor admin) {
        if (decision == null) {
            throw ApiException.invalidField("decision", "is required");
        }
        String text = notes == null || notes.isBlank() ? null : notes.trim();
        if (text != null && text.length() > 5000) {
            throw ApiException.invalidField(
                    decision == Decision.REJECT ? "reason" : "notes", "must be at most 5000 characters");
        }
        if (decision == Decision.REJECT && text == null) {
            throw ApiException.invalidField("reason", "is required to reject");
        }
        if ((decision == Decision.REQUEST_CHANGES || decision == Decision.APPROVE_WITH_NOTES) && text == null) {
            throw ApiException.invalidField("notes", "are required");
        }
        if (decision == Decision.EDIT_INLINE_APPROVE
                && (edit == null || (edit.subject() == null && edit.bodyText() == null && edit.bodyHtml() == null))) {
            throw ApiException.invalidField("body", "an inline edit needs the new subject or body");
        }
        Draft draft = load(tenant, id, etag);
        Instant now = clock.instant();
        if (decision == Decision.EDIT_INLINE_APPROVE) {
            draft.editAsApprover(edit, admin, now);
            history.recordVersion(
                    tenant, id, draft.versionNumber(), draft.content(), admin, "edited by the approver", now);
        }
        draft.decide(decision, text, admin, now);
        history.recordDecision(
                tenant,
                id,
                decision,
                admin,
                text,
                draft.versionNumber(),
                decision.approves() ? draft.contentHash() : null,
                now);
        DraftView view = drafts.save(draft).view();
        // the decision closes the draft's task, or sends it back to DOING with the notes
        tasks.forDraft(tenant, id)
                .ifPresent(task -> tasks.move(
                        tenant,
                        task.id(),
                        decision == Decision.REQUEST_CHANGES ? BoardColumn.DOING : BoardColumn.DONE,
                        null,
                        admin,
                        true));
        if (decision.approves() && draft.leadId() != null) {
            leads.advance(tenant, draft.leadId(), LeadStatus.APPROVED, admin);
        }
        return view;
    }

    /**
     * Whether {@code subject}, {@code text} and {@code html} are exactly what the draft's approver approved (the
     * fingerprint recorded with the decision). False when the draft was never approved. Every sender of an
     * approved draft asks this before handing it on, and refuses on false.
     */
    @Transactional(readOnly = true)
    public boolean isApprovedContent(TenantId tenant, UUID draftId, String subject, String text, String html) {
        return history.approvedContentHash(tenant, draftId)
                .map(approved ->
                        approved.equals(ai.revo.missioncontrol.outbound.EmailHtml.contentHash(subject, text, html)))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public DraftView get(TenantId tenant, UUID id) {
        return load(tenant, id, null).view();
    }

    @Transactional(readOnly = true)
    public PageResult<DraftView> list(
            TenantId tenant, DraftStatus status, UUID campaignId, UUID leadId, PageQuery page) {
        String where = " where tenant_id = :tenant and (cast(:status as text) is null or status = :status) "
                + "and (cast(:campaign as uuid) is null or campaign_id = :campaign) "
                + "and (cast(:lead as uuid) is null or lead_id = :lead)";
        var count = jdbc.sql("select count(*) from drafts" + where)
                .param("tenant", tenant.value())
                .param("status", status == null ? null : status.name())
                .param("campaign", campaignId)
                .param("lead", leadId)
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql(
                        "select id from drafts" + where + " order by created_at desc, id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("status", status == null ? null : status.name())
                .param("campaign", campaignId)
                .param("lead", leadId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(UUID.class)
                .list();
        return PageResult.of(byIds(tenant, ids), page, count);
    }

    /** The drafts with these ids, in the order given, read in one query (absent ids are left out). */
    private List<DraftView> byIds(TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, DraftView> found = new java.util.HashMap<>();
        drafts.findAllByTenantIdAndIdIn(tenant, ids).stream().map(Draft::view).forEach(v -> found.put(v.id(), v));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Which of these leads already have a draft (in any status), in one query. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> leadsWithDrafts(TenantId tenant, java.util.Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select distinct lead_id from drafts where tenant_id = :tenant and lead_id = any(:leads)")
                        .param("tenant", tenant.value())
                        .param("leads", leadIds.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    /** Drafts waiting for approval: highest priority first, then the oldest submission (see {@link ApprovalInbox}). */
    @Transactional(readOnly = true)
    public PageResult<InboxItem> inbox(TenantId tenant, PageQuery page) {
        return inbox.page(tenant, InboxFilter.NONE, page);
    }

    @Transactional(readOnly = true)
    public PageResult<DraftVersionView> versions(TenantId tenant, UUID id, PageQuery page) {
        load(tenant, id, null);
        return PageResult.of(
                history.versions(tenant, id, page.limit(), page.offset()), page, history.countVersions(tenant, id));
    }

    /** The line diff of the body text between two versions; 404 when either does not exist. */
    @Transactional(readOnly = true)
    public LineDiff diff(TenantId tenant, UUID id, int from, int to) {
        load(tenant, id, null);
        DraftVersionView a = history.version(tenant, id, from)
                .orElseThrow(() -> ApiException.notFound("Version " + from + " of draft", id));
        DraftVersionView b = history.version(tenant, id, to)
                .orElseThrow(() -> ApiException.notFound("Version " + to + " of draft", id));
        String left = (a.subject() == null ? "" : "Subject: " + a.subject() + "\n") + a.bodyText();
        String right = (b.subject() == null ? "" : "Subject: " + b.subject() + "\n") + b.bodyText();
        return LineDiff.between(from, left, to, right);
    }

    /** The decision history of one draft, or of every draft when {@code draftId} is null. */
    @Transactional(readOnly = true)
    public PageResult<ApprovalView> decisions(TenantId tenant, UUID draftId, PageQuery page) {
        if (draftId != null) {
            load(tenant, draftId, null);
        }
        return PageResult.of(
                history.decisions(tenant, draftId, page.limit(), page.offset()),
                page,
                history.countDecisions(tenant, draftId));
    }

    private Draft load(TenantId tenant, UUID id, Long etag) {
        Draft draft = drafts.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Draft", id));
        if (etag != null && !draft.matchesEtag(etag)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "The draft was changed since you loaded it; reload and retry",
                    Map.of("etag", draft.view().etag()));
        }
        return draft;
    }
}

package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.agents.TemplatedDrafts;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.email.EmailSettings;
import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.email.Emails;
import ai.revo.missioncontrol.email.TemplateView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a due step of an enrolment, once. Everything happens in one transaction that first locks the enrolment's
 * row: a stop committed before sees nothing run, a stop arriving during waits for this commit, and a step that
 * already ran (another node, a restart, a doubled task) finds the enrolment past it and does nothing. A step waits
 * (and is queued again) while the sequence is not ACTIVE, the campaign is paused, the recipient's send window is
 * closed, the lead still has an email draft open in the approval inbox, or the previous step's email has not gone
 * out yet: a step's delay counts from when the previous step was done (its email sent), not from when it ran.
 */
@Service
public class SequenceRunner {

    private static final Logger log = LoggerFactory.getLogger(SequenceRunner.class);

    static final Actor AGENT = Actor.agent("sequences", "Sequence");
    static final String ACTION = "SEQUENCE_STEP";

    private final EnrolmentLocks locks;
    private final EnrolmentRepository enrolmentRepository;
    private final SequenceRepository sequences;
    private final StepRuns runs;
    private final StepQueue queue;
    private final StepMessages messages;
    private final Winners winners;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final Emails emails;
    private final EmailTemplates templates;
    private final DraftManagement drafts;
    private final TemplatedDrafts templatedDrafts;
    private final TaskManagement tasks;
    private final Clock clock;
    private final Duration holdRecheck;

    SequenceRunner(
            EnrolmentLocks locks,
            EnrolmentRepository enrolmentRepository,
            SequenceRepository sequences,
            StepRuns runs,
            StepQueue queue,
            StepMessages messages,
            Winners winners,
            CampaignManagement campaigns,
            LeadManagement leads,
            ContactManagement contacts,
            Emails emails,
            EmailTemplates templates,
            DraftManagement drafts,
            TemplatedDrafts templatedDrafts,
            TaskManagement tasks,
            Clock clock,
            @Value("${mc.sequences.hold-recheck:5m}") Duration holdRecheck) {
        this.locks = locks;
        this.enrolmentRepository = enrolmentRepository;
        this.sequences = sequences;
        this.runs = runs;
        this.queue = queue;
        this.messages = messages;
        this.winners = winners;
        this.campaigns = campaigns;
        this.leads = leads;
        this.contacts = contacts;
        this.emails = emails;
        this.templates = templates;
        this.drafts = drafts;
        this.templatedDrafts = templatedDrafts;
        this.tasks = tasks;
        this.clock = clock;
        this.holdRecheck = holdRecheck;
    }

    /** Runs step {@code position} of the enrolment if it is due and still to run; otherwise does nothing. */
    @Transactional
    public void run(TenantId tenant, UUID enrolmentId, int position) {
        Enrolment e = locks.lock(tenant, enrolmentId);
        Instant now = clock.instant();
        if (e.status() != EnrolmentStatus.ACTIVE || e.currentStep() != position) {
            return; // stopped, paused, finished, or this step already ran
        }
        if (e.nextStepAt() != null && e.nextStepAt().isAfter(now.plusSeconds(1))) {
            return; // held to a later time: the task queued for that time runs it
        }
        Sequence sequence =
                sequences.findByTenantIdAndId(tenant, e.sequenceId()).orElseThrow();
        if (sequence.status() == SequenceStatus.ARCHIVED) {
            stop(tenant, e, "the sequence was archived", now);
            return;
        }
        if (sequence.status() != SequenceStatus.ACTIVE) {
            hold(tenant, e, now.plus(holdRecheck), now);
            return;
        }
        CampaignView campaign = campaigns.get(tenant, sequence.campaignId());
        if (campaign.status() == CampaignStatus.ARCHIVED || campaign.status() == CampaignStatus.COMPLETED) {
            stop(tenant, e, "the campaign is " + campaign.status(), now);
            return;
        }
        if (campaign.status() == CampaignStatus.PAUSED) {
            hold(tenant, e, now.plus(holdRecheck), now);
            return;
        }
        LeadView lead = leads.get(tenant, e.leadId());
        if (Enrolments.ENDED.contains(lead.status())) {
            stop(tenant, e, "the lead is " + lead.status(), now);
            return;
        }
        SequenceView.Step step = sequence.view().step(position);
        if (step == null) {
            e.finish(position, now); // the steps were shortened past this one
            enrolmentRepository.save(e);
            return;
        }
        ZoneId zone = zone(tenant, lead, campaign);
        if (position > 1) {
            // the delay is after the previous step: an email step is done when its email went out, not when it ran
            Instant from = previousDone(tenant, e.id(), position - 1);
            if (from == null) {
                hold(tenant, e, now.plus(holdRecheck), now);
                return;
            }
            Instant due = step.delay().after(from, zone);
            if (due.isAfter(now.plusSeconds(1))) {
                hold(tenant, e, due, now);
                return;
            }
        }
        if (step.condition() != null && !conditionHolds(tenant, e, step)) {
            runs.record(tenant, e.id(), sequence.id(), step, null, "SKIPPED", null, null, now);
            advance(tenant, e, sequence, position, zone, now);
            return;
        }
        switch (step.kind()) {
            case EMAIL -> {
                EmailSettings.SendWindow window =
                        emails.settings(tenant, campaign.id()).sendWindow();
                Instant opens = window == null ? now : window.nextOpening(now, zone);
                if (opens.isAfter(now)) {
                    hold(tenant, e, opens, now);
                    return;
                }
                if (lead.contact() == null
                        || lead.contact().email() == null
                        || lead.contact().email().isBlank()) {
                    runs.record(tenant, e.id(), sequence.id(), step, null, "NO_ADDRESS", null, null, now);
                    break;
                }
                if (hasOpenEmailDraft(tenant, campaign.id(), lead.id())) {
                    // one open email draft per lead: the next waits until a person decided the last
                    hold(tenant, e, now.plus(holdRecheck), now);
                    return;
                }
                SequenceView.Variant variant = winners.pick(tenant, sequence.view(), step, lead.id(), now);
                DraftContent content = render(tenant, step, variant, lead);
                DraftView draft = templatedDrafts.file(
                        tenant,
                        campaign.id(),
                        lead.id(),
                        Channel.EMAIL,
                        content,
                        sequence.view().contentApprovedAt() != null,
                        ACTION,
                        AGENT);
                runs.record(
                        tenant,
                        e.id(),
                        sequence.id(),
                        step,
                        variant == null ? null : variant.id(),
                        draft.status() == DraftStatus.APPROVED ? "APPROVED" : "AWAITING_APPROVAL",
                        draft.id(),
                        null,
                        now);
            }
            case TASK -> {
                String title = templates.renderText(
                        tenant, step.instruction(), new EmailTemplates.RenderInput(lead.id(), campaign.id(), null));
                var task = tasks.create(
                        tenant,
                        new TaskManagement.TaskFields(
                                title.length() > 200 ? title.substring(0, 200) : title,
                                "Step " + position + " of the sequence "
                                        + sequence.view().name(),
                                "NORMAL",
                                now,
                                List.of("sequence"),
                                null,
                                null,
                                lead.id(),
                                campaign.id()),
                        BoardColumn.BACKLOG,
                        AGENT);
                runs.record(tenant, e.id(), sequence.id(), step, null, "TASK_CREATED", null, task.id(), now);
            }
            case WAIT -> runs.record(tenant, e.id(), sequence.id(), step, null, "WAITED", null, null, now);
            default -> throw new IllegalStateException(step.kind() + " steps are refused when a sequence is saved");
        }
        advance(tenant, e, sequence, position, zone, now);
    }

    /**
     * The previous step's email went out or failed: the step after it ({@code position}) is looked at now, so its
     * delay counts from that moment rather than from the next recheck. Does nothing unless the enrolment is ACTIVE
     * and waiting at that step.
     */
    @Transactional
    public void previousStepSettled(TenantId tenant, UUID enrolmentId, int position) {
        Enrolment e = locks.lock(tenant, enrolmentId);
        if (e.status() != EnrolmentStatus.ACTIVE || e.currentStep() != position) {
            return;
        }
        hold(tenant, e, clock.instant(), clock.instant());
    }

    /**
     * When the step at {@code position} was done, which is when the next step's delay starts: an email step when its
     * email was sent (or failed or was refused for good, or its draft was rejected); any other step, a skipped email
     * step or one without an address when it ran. Null while its email has still to go out (waiting for approval,
     * the window or a cap).
     */
    private Instant previousDone(TenantId tenant, UUID enrolmentId, int position) {
        StepRuns.Run run = runs.of(tenant, enrolmentId, position).orElse(null);
        if (run == null) {
            return Instant.EPOCH; // the steps were changed under the enrolment: nothing to wait for
        }
        if (!"APPROVED".equals(run.outcome()) && !"AWAITING_APPROVAL".equals(run.outcome())) {
            return run.createdAt();
        }
        if (run.sentAt() != null) {
            return run.sentAt();
        }
        if (run.failedAt() != null) {
            return run.failedAt();
        }
        DraftView draft = drafts.get(tenant, run.draftId());
        if (draft.status() == DraftStatus.REJECTED) {
            return draft.decidedAt() != null ? draft.decidedAt() : draft.updatedAt();
        }
        return null;
    }

    private void advance(TenantId tenant, Enrolment e, Sequence sequence, int position, ZoneId zone, Instant now) {
        SequenceView.Step next = sequence.view().step(position + 1);
        if (next == null) {
            e.finish(position, now);
            enrolmentRepository.save(e);
            return;
        }
        Instant due = next.delay().after(now, zone);
        e.advance(position, due, now);
        enrolmentRepository.save(e);
        queue.schedule(tenant, e.id(), position + 1, due);
    }

    private void hold(TenantId tenant, Enrolment e, Instant until, Instant now) {
        e.hold(until, now);
        enrolmentRepository.save(e);
        queue.schedule(tenant, e.id(), e.currentStep(), until);
    }

    private void stop(TenantId tenant, Enrolment e, String reason, Instant now) {
        if (e.stop(reason, AGENT, now)) {
            enrolmentRepository.save(e);
            messages.withdraw(tenant, List.of(e.id()), reason, now);
        }
    }

    /** The previous step's email (the condition needs an EMAIL step before it, checked when the sequence is saved). */
    private boolean conditionHolds(TenantId tenant, Enrolment e, SequenceView.Step step) {
        StepRuns.Run previous = runs.of(tenant, e.id(), step.position() - 1).orElse(null);
        boolean opened = previous != null && (previous.openedAt() != null || previous.clickedAt() != null);
        boolean clicked = previous != null && previous.clickedAt() != null;
        boolean replied = previous != null && previous.repliedAt() != null;
        return switch (step.condition()) {
            case OPENED -> opened;
            case NOT_OPENED -> !opened;
            case CLICKED -> clicked;
            case NOT_REPLIED -> !replied;
        };
    }

    private boolean hasOpenEmailDraft(TenantId tenant, UUID campaignId, UUID leadId) {
        for (DraftStatus status : List.of(DraftStatus.DRAFT, DraftStatus.NEEDS_APPROVAL)) {
            if (drafts.list(tenant, status, campaignId, leadId, new PageQuery(1, 50)).data().stream()
                    .anyMatch(d -> d.channel() == Channel.EMAIL)) {
                return true;
            }
        }
        return false;
    }

    /** The variant's subject and body, else the template's, with the lead's merge fields. */
    private DraftContent render(TenantId tenant, SequenceView.Step step, SequenceView.Variant variant, LeadView lead) {
        TemplateView.Content template = step.templateId() == null
                ? null
                : templates.get(tenant, step.templateId()).content();
        String subject = variant != null && variant.subject() != null ? variant.subject() : template.subject();
        String body = variant != null && variant.body() != null ? variant.body() : template.body();
        var rendered = templates.renderContent(
                tenant, subject, body, new EmailTemplates.RenderInput(lead.id(), lead.campaignId(), null));
        return new DraftContent(rendered.subject(), rendered.bodyText(), rendered.bodyHtml());
    }

    /** The recipient's time zone: the contact's, else the campaign's, else UTC. */
    private ZoneId zone(TenantId tenant, LeadView lead, CampaignView campaign) {
        try {
            String zone = contacts.get(tenant, lead.contactId()).timezone();
            if (zone != null && !zone.isBlank()) {
                return ZoneId.of(zone);
            }
        } catch (RuntimeException ex) {
            log.debug("Contact {} has no usable time zone: {}", lead.contactId(), ex.getMessage());
        }
        try {
            return ZoneId.of(campaign.timezone());
        } catch (RuntimeException ex) {
            return ZoneId.of("UTC");
        }
    }
}

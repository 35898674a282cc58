package ai.revo.missioncontrol.sequences.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.sequences.EnrolOutcome;
import ai.revo.missioncontrol.sequences.EnrolRequest;
import ai.revo.missioncontrol.sequences.EnrolmentStatus;
import ai.revo.missioncontrol.sequences.EnrolmentView;
import ai.revo.missioncontrol.sequences.Enrolments;
import ai.revo.missioncontrol.sequences.SequenceDraft;
import ai.revo.missioncontrol.sequences.SequenceStats;
import ai.revo.missioncontrol.sequences.SequenceStatsView;
import ai.revo.missioncontrol.sequences.SequenceStatus;
import ai.revo.missioncontrol.sequences.SequenceView;
import ai.revo.missioncontrol.sequences.Sequences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sequences and their enrolments: read by every role, built and run by every role but VIEWER (as campaigns are). */
@RestController
@Tag(name = "Sequences")
class SequenceController {

    static final String WRITERS = "hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER', 'FINANCE')";

    private final Sequences sequences;
    private final Enrolments enrolments;
    private final SequenceStats stats;

    SequenceController(Sequences sequences, Enrolments enrolments, SequenceStats stats) {
        this.sequences = sequences;
        this.enrolments = enrolments;
        this.stats = stats;
    }

    record StopBody(String reason) {}

    @GetMapping("/api/v1/sequences")
    @Operation(summary = "Sequences, newest first; filters campaignId, status")
    PageResult<SequenceView> list(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) SequenceStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return sequences.list(user.tenantId(), campaignId, status, new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/sequences")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Build a sequence {campaignId, name, steps, winnerTakesAll} (a DRAFT)",
            description =
                    "steps: at most 10 of {kind: EMAIL|TASK|WAIT, delay: {amount, unit: DAYS|BUSINESS_DAYS|HOURS}, "
                            + "condition: OPENED|NOT_OPENED|CLICKED|NOT_REPLIED (after an EMAIL step), templateId, "
                            + "instruction (a TASK's title), variants: 2 to 4 of {weight, subject, body, promptVersion}}. "
                            + "WHATSAPP and SMS steps are refused: not available in sequences yet.")
    SequenceView create(CurrentUser user, @RequestBody(required = false) SequenceDraft body) {
        return sequences.create(user.tenantId(), body, user.actor());
    }

    @GetMapping("/api/v1/sequences/{id}")
    @Operation(summary = "One sequence with its steps")
    SequenceView get(CurrentUser user, @PathVariable UUID id) {
        return sequences.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/sequences/{id}")
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Change name, steps (the whole list), winnerTakesAll or status (ACTIVE, PAUSED, ARCHIVED)",
            description = "An admin's activation approves the steps' content; changing the steps withdraws it.")
    SequenceView change(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) SequenceDraft body) {
        return sequences.change(user.tenantId(), id, body, user.isAdmin(), user.actor());
    }

    @GetMapping("/api/v1/sequences/{id}/stats")
    @Operation(
            summary = "Enrolments per status, each step's funnel, each variant's rates and the A/B test",
            description = "Rates are over sent emails (null while none was sent). Opens come from the tracking pixel "
                    + "and are approximate; replies are email replies matched to the step's email. abTest.verdict "
                    + "(reply rate): NOT_ENOUGH_DATA until every variant has minimumSends sends, then SIGNIFICANT or "
                    + "NOT_SIGNIFICANT by the two-proportion z-test of the leader against each other variant "
                    + "(two-sided, Bonferroni-corrected); winner once winner-takes-all declared one.")
    SequenceStatsView stats(CurrentUser user, @PathVariable UUID id) {
        return stats.stats(user.tenantId(), id);
    }

    @PostMapping("/api/v1/sequences/{id}/enrolments")
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Enrol leads {leadIds} or {filter: {status, score, q}} of the sequence's campaign",
            description = "A lead is in a sequence at most once; leads already in it, or BOOKED, WON, LOST or DND, "
                    + "are skipped with the reason.")
    EnrolOutcome enrol(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) EnrolRequest body) {
        return enrolments.enrol(user.tenantId(), id, body, user.actor());
    }

    @GetMapping("/api/v1/sequences/{id}/enrolments")
    @Operation(summary = "The sequence's enrolments, oldest first; filter status")
    PageResult<EnrolmentView> enrolments(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) EnrolmentStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return enrolments.list(user.tenantId(), id, status, new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/enrolments/{id}")
    @Operation(summary = "One enrolment")
    EnrolmentView enrolment(CurrentUser user, @PathVariable UUID id) {
        return enrolments.get(user.tenantId(), id);
    }

    @PostMapping("/api/v1/enrolments/{id}/pause")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Pause an ACTIVE enrolment: its steps are held")
    EnrolmentView pause(CurrentUser user, @PathVariable UUID id) {
        return enrolments.pause(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/enrolments/{id}/resume")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Resume a PAUSED enrolment")
    EnrolmentView resume(CurrentUser user, @PathVariable UUID id) {
        return enrolments.resume(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/enrolments/{id}/stop")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Stop an ACTIVE or PAUSED enrolment for good {reason (optional)}")
    EnrolmentView stop(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) StopBody body) {
        return enrolments.stop(user.tenantId(), id, body == null ? null : body.reason(), user.actor());
    }
}

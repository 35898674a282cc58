package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.EmailHtml;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A message in the making. Content changes only while it is a DRAFT (each change is a new version); it is
 * submitted to the inbox, and there an admin decides once: approve (three ways), reject, or send back.
 */
@Table("drafts")
class Draft extends AbstractAggregateRoot<Draft> {

    static final int MAX_BODY = 100_000;

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID campaignId;
    private final UUID leadId;
    private final Channel channel;
    private String subject;
    private String bodyText;
    private String bodyHtml;
    private DraftStatus status;
    private final Actor.Type authorType;
    private final String authorId;
    private final String authorName;
    private DraftJsonColumns.Checks checks;
    private final DraftJsonColumns.Sources sources;
    private BigDecimal confidence;
    private Priority priority;
    private int versionNumber;
    private String notes;
    private Instant submittedAt;
    private Instant decidedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Draft(
            UUID id,
            TenantId tenantId,
            UUID campaignId,
            UUID leadId,
            Channel channel,
            String subject,
            String bodyText,
            String bodyHtml,
            DraftStatus status,
            Actor.Type authorType,
            String authorId,
            String authorName,
            DraftJsonColumns.Checks checks,
            DraftJsonColumns.Sources sources,
            BigDecimal confidence,
            Priority priority,
            int versionNumber,
            String notes,
            Instant submittedAt,
            Instant decidedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.campaignId = campaignId;
        this.leadId = leadId;
        this.channel = channel;
        this.subject = subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.status = status;
        this.authorType = authorType;
        this.authorId = authorId;
        this.authorName = authorName;
        this.checks = checks;
        this.sources = sources == null ? new DraftJsonColumns.Sources(List.of()) : sources;
        this.confidence = confidence;
        this.priority = priority;
        this.versionNumber = versionNumber;
        this.notes = notes;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Draft write(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            Channel channel,
            DraftContent content,
            Priority priority,
            Map<String, Object> checks,
            List<DraftSource> sources,
            BigDecimal confidence,
            Actor author,
            Instant now) {
        if (campaignId == null) {
            throw ApiException.invalidField("campaignId", "is required");
        }
        if (channel == null) {
            throw ApiException.invalidField("channel", "is required");
        }
        DraftContent valid = valid(content, channel);
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw ApiException.invalidField("confidence", "must be between 0 and 1");
        }
        Draft d = new Draft(
                UUID.randomUUID(),
                tenant,
                campaignId,
                leadId,
                channel,
                valid.subject(),
                valid.bodyText(),
                valid.bodyHtml(),
                DraftStatus.DRAFT,
                author.type(),
                author.id(),
                author.name(),
                checks == null ? null : new DraftJsonColumns.Checks(checks),
                new DraftJsonColumns.Sources(sources),
                confidence,
                priority == null ? Priority.NORMAL : priority,
                1,
                null,
                null,
                null,
                null,
                now,
                now);
        d.registerEvent(DraftChanged.of(d, "draft.created", author));
        return d;
    }

    /** A new content version; only while the draft is a DRAFT. Returns whether the content really changed. */
    boolean revise(DraftContent content, Actor author, Instant now) {
        if (status != DraftStatus.DRAFT) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only a draft in DRAFT can be edited; this one is " + status,
                    Map.of("status", status.name()));
        }
        DraftContent valid = valid(merged(content), channel);
        if (valid.equals(content())) {
            return false;
        }
        subject = valid.subject();
        bodyText = valid.bodyText();
        bodyHtml = valid.bodyHtml();
        versionNumber++;
        updatedAt = now;
        registerEvent(DraftChanged.of(this, "draft.updated", author));
        return true;
    }

    void reprioritise(Priority newPriority, Instant now) {
        if (newPriority != null && newPriority != priority) {
            priority = newPriority;
            updatedAt = now;
        }
    }

    void submit(Actor actor, Instant now) {
        if (status != DraftStatus.DRAFT) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only a draft in DRAFT can be submitted; this one is " + status,
                    Map.of("status", status.name()));
        }
        status = DraftStatus.NEEDS_APPROVAL;
        submittedAt = now;
        updatedAt = now;
        registerEvent(DraftChanged.of(this, "draft.submitted", actor));
    }

    /**
     * Takes a decision. For EDIT_INLINE_APPROVE the caller has already revised the content as the approver. Only a
     * draft waiting for approval can be decided (409 otherwise).
     */
    void decide(Decision decision, String decisionNotes, Actor admin, Instant now) {
        if (status != DraftStatus.NEEDS_APPROVAL) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "This draft is not waiting for approval; it is " + status,
                    Map.of("status", status.name()));
        }
        status = switch (decision) {
            case APPROVE, EDIT_INLINE_APPROVE, APPROVE_WITH_NOTES -> DraftStatus.APPROVED;
            case REJECT -> DraftStatus.REJECTED;
            case REQUEST_CHANGES -> DraftStatus.DRAFT;
        };
        notes = decisionNotes;
        decidedAt = decision == Decision.REQUEST_CHANGES ? null : now;
        if (decision == Decision.REQUEST_CHANGES) {
            submittedAt = null;
        }
        updatedAt = now;
        registerEvent(new ApprovalDecided(
                tenantId.value(),
                id,
                campaignId,
                leadId,
                decision,
                versionNumber,
                decision.approves() ? contentHash() : null,
                decisionNotes,
                admin));
    }

    /** The approver's inline edit: a new version while the draft is still in the inbox. */
    void editAsApprover(DraftContent content, Actor admin, Instant now) {
        if (status != DraftStatus.NEEDS_APPROVAL) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "This draft is not waiting for approval; it is " + status,
                    Map.of("status", status.name()));
        }
        DraftContent valid = valid(merged(content), channel);
        subject = valid.subject();
        bodyText = valid.bodyText();
        bodyHtml = valid.bodyHtml();
        versionNumber++;
        updatedAt = now;
    }

    /**
     * The new content: what the edit gives, the rest kept. An edit of the text alone of an email that has an HTML
     * part rebuilds the HTML from the new text, so the HTML never goes out saying what the text no longer says.
     */
    private DraftContent merged(DraftContent edit) {
        String text = edit.bodyText() != null ? edit.bodyText() : bodyText;
        String html;
        if (edit.bodyHtml() != null) {
            html = edit.bodyHtml();
        } else if (bodyHtml != null
                && edit.bodyText() != null
                && !edit.bodyText().equals(bodyText)) {
            html = EmailHtml.fromText(edit.bodyText());
        } else {
            html = bodyHtml;
        }
        return new DraftContent(edit.subject() != null ? edit.subject() : subject, text, html);
    }

    /** The fingerprint of this content as it will be sent (see {@link EmailHtml#contentHash}). */
    String contentHash() {
        return EmailHtml.contentHash(subject, bodyText, bodyHtml);
    }

    boolean matchesEtag(long etag) {
        return version != null && version == etag;
    }

    private static DraftContent valid(DraftContent c, Channel channel) {
        if (c == null || c.bodyText() == null || c.bodyText().isBlank()) {
            throw ApiException.invalidField("bodyText", "is required");
        }
        if (c.bodyText().length() > MAX_BODY
                || (c.bodyHtml() != null && c.bodyHtml().length() > MAX_BODY)) {
            throw ApiException.invalidField("bodyText", "must be at most " + MAX_BODY + " characters");
        }
        String subject = c.subject() == null || c.subject().isBlank()
                ? null
                : c.subject().trim();
        if (subject != null && subject.length() > 998) {
            throw ApiException.invalidField("subject", "must be at most 998 characters");
        }
        if (channel == Channel.EMAIL && subject == null) {
            throw ApiException.invalidField("subject", "is required for email");
        }
        // every path that stores a draft (API, agents, the inbox's inline edit) stores only sanitised HTML
        String html = c.bodyHtml() == null || c.bodyHtml().isBlank() || channel != Channel.EMAIL
                ? null
                : EmailHtml.sanitize(c.bodyHtml());
        if (html != null && html.isBlank()) {
            html = null;
        }
        return new DraftContent(subject, c.bodyText(), html);
    }

    DraftContent content() {
        return new DraftContent(subject, bodyText, bodyHtml);
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    int versionNumber() {
        return versionNumber;
    }

    DraftStatus status() {
        return status;
    }

    UUID leadId() {
        return leadId;
    }

    DraftView view() {
        return new DraftView(
                id,
                campaignId,
                leadId,
                channel,
                subject,
                bodyText,
                bodyHtml,
                status,
                new Actor(authorType, authorId, authorName),
                checks == null ? null : checks.values(),
                sources.values(),
                confidence,
                priority,
                versionNumber,
                notes,
                submittedAt,
                decidedAt,
                createdAt,
                updatedAt,
                version == null ? 0 : version);
    }
}

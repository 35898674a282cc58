package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A contract for a deal. Its text is its template with the merge fields filled in, kept as numbered versions. It
 * changes only while a DRAFT; IN_REVIEW it waits for the approval inbox (approved, or back to DRAFT with the
 * reviewer's notes); only an APPROVED contract is sent, only a SENT one is signed, declined or expires.
 */
@Table("contracts")
class Contract extends AbstractAggregateRoot<Contract> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID dealId;
    private String title;
    private String template;
    private String terms;
    private ContractStatus status;
    private UUID reviewDraftId;
    private String reviewNotes;
    private String reviewedBy;
    private LocalDate expiresOn;
    private Instant sentAt;
    private String sentTo;
    private Instant signedAt;
    private String signedBy;
    private String signedRecordedBy;
    private String signedCopyName;
    private Instant declinedAt;
    private String declineReason;

    @MappedCollection(idColumn = "contract_id", keyColumn = "position")
    private List<ContractVersion> versions;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Contract(
            UUID id,
            TenantId tenantId,
            UUID dealId,
            String title,
            String template,
            String terms,
            ContractStatus status,
            UUID reviewDraftId,
            String reviewNotes,
            String reviewedBy,
            LocalDate expiresOn,
            Instant sentAt,
            String sentTo,
            Instant signedAt,
            String signedBy,
            String signedRecordedBy,
            String signedCopyName,
            Instant declinedAt,
            String declineReason,
            List<ContractVersion> versions,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.dealId = dealId;
        this.title = title;
        this.template = template;
        this.terms = terms;
        this.status = status;
        this.reviewDraftId = reviewDraftId;
        this.reviewNotes = reviewNotes;
        this.reviewedBy = reviewedBy;
        this.expiresOn = expiresOn;
        this.sentAt = sentAt;
        this.sentTo = sentTo;
        this.signedAt = signedAt;
        this.signedBy = signedBy;
        this.signedRecordedBy = signedRecordedBy;
        this.signedCopyName = signedCopyName;
        this.declinedAt = declinedAt;
        this.declineReason = declineReason;
        this.versions = versions == null ? new ArrayList<>() : new ArrayList<>(versions);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new DRAFT (version 1) with {@code body}, the template merged by {@link ContractMerge}. */
    static Contract draft(
            TenantId tenant,
            UUID dealId,
            String title,
            String template,
            String terms,
            LocalDate expiresOn,
            String body,
            Actor actor,
            Instant now) {
        Contract c = new Contract(
                UUID.randomUUID(),
                tenant,
                dealId,
                text("title", title, 200, true),
                text("template", template, 100_000, true),
                text("terms", terms, 20_000, false),
                ContractStatus.DRAFT,
                null,
                null,
                null,
                expiresOn,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                now,
                now);
        c.versions.add(new ContractVersion(tenant, 1, body, "drafted", actor.name(), now, now));
        c.registerEvent(new ContractDrafted(tenant.value(), c.id, dealId, c.title, actor));
        return c;
    }

    /** Changes a DRAFT; a new version when the merged text differs. 409 in any other status. */
    void revise(ContractDraft d, java.util.function.UnaryOperator<String> merge, Actor actor, Instant now) {
        require(ContractStatus.DRAFT, "changed");
        if (d.title() != null) {
            title = text("title", d.title(), 200, true);
        }
        if (d.template() != null) {
            template = text("template", d.template(), 100_000, true);
        }
        if (d.terms() != null) {
            terms = text("terms", d.terms(), 20_000, false);
        }
        if (d.expiresOn() != null) {
            expiresOn = d.expiresOn();
        }
        String body = merge.apply(template);
        if (!body.equals(current().body())) {
            addVersion(body, "edited", actor, now);
            registerEvent(
                    new ContractRevised(tenantId.value(), id, dealId, current().number(), actor));
        }
        updatedAt = now;
    }

    private void addVersion(String body, String reason, Actor actor, Instant now) {
        versions.add(new ContractVersion(tenantId, versions.size() + 1, body, reason, actor.name(), now, now));
    }

    /** DRAFT → IN_REVIEW with its draft in the approval inbox. */
    void submitted(UUID draftId, Actor actor, Instant now) {
        require(ContractStatus.DRAFT, "submitted for review");
        status = ContractStatus.IN_REVIEW;
        reviewDraftId = draftId;
        reviewNotes = null;
        updatedAt = now;
        registerEvent(new ContractSubmitted(tenantId.value(), id, dealId, draftId, actor));
    }

    void requireSubmittable() {
        require(ContractStatus.DRAFT, "submitted for review");
    }

    /**
     * The approval inbox decided: approving decisions make it APPROVED ({@code editedBody} non-null: the approver's
     * edit becomes a new version first); request changes and reject send it back to DRAFT with the notes. Answers
     * false (nothing changed) when it no longer waits for that draft's decision: a redelivered event is harmless.
     */
    boolean reviewed(
            UUID draftId, String decision, boolean approves, String notes, String editedBody, Actor by, Instant now) {
        if (status != ContractStatus.IN_REVIEW || !draftId.equals(reviewDraftId)) {
            return false;
        }
        if (editedBody != null && !editedBody.equals(current().body())) {
            addVersion(editedBody, "edited by the approver", by, now);
        }
        status = approves ? ContractStatus.APPROVED : ContractStatus.DRAFT;
        reviewNotes = notes;
        reviewedBy = by.name();
        updatedAt = now;
        registerEvent(new ContractReviewed(tenantId.value(), id, dealId, decision, status.name(), by));
        return true;
    }

    /** Whether it may be emailed: APPROVED, or SENT again; 409 otherwise. */
    void requireSendable() {
        if (status != ContractStatus.APPROVED && status != ContractStatus.SENT) {
            throw ApiException.conflict("Contract " + title + " is " + status
                    + ": only an approved contract is sent (submit it for review first)");
        }
    }

    void sent(String to, UUID outboundId, Actor actor, Instant now) {
        requireSendable();
        status = ContractStatus.SENT;
        sentAt = now;
        sentTo = to;
        updatedAt = now;
        registerEvent(new ContractSent(tenantId.value(), id, dealId, to, outboundId, actor));
    }

    /** SENT → SIGNED: who signed (for the customer), when, who recorded it, and the name of the kept copy. */
    void signed(String by, Instant at, String copyName, Actor actor, Instant now) {
        require(ContractStatus.SENT, "signed");
        status = ContractStatus.SIGNED;
        signedBy = text("signedBy", by, 200, true);
        signedAt = at == null ? now : at;
        signedRecordedBy = actor.name();
        signedCopyName = copyName;
        updatedAt = now;
        registerEvent(new ContractSigned(tenantId.value(), id, dealId, signedBy, copyName != null, actor));
    }

    void requireSignable() {
        require(ContractStatus.SENT, "signed");
    }

    void declined(String reason, Actor actor, Instant now) {
        require(ContractStatus.SENT, "declined");
        status = ContractStatus.DECLINED;
        declineReason = text("reason", reason, 2000, false);
        declinedAt = now;
        updatedAt = now;
        registerEvent(new ContractDeclined(tenantId.value(), id, dealId, declineReason, actor));
    }

    /** A SENT contract whose last day is before {@code today} expires; answers whether it did. */
    boolean expireOn(LocalDate today, Instant now) {
        if (status == ContractStatus.SENT && expiresOn != null && expiresOn.isBefore(today)) {
            status = ContractStatus.EXPIRED;
            updatedAt = now;
            registerEvent(new ContractExpired(tenantId.value(), id, dealId, Actor.system()));
            return true;
        }
        return false;
    }

    private void require(ContractStatus expected, String action) {
        if (status != expected) {
            throw ApiException.conflict(
                    "Contract " + title + " is " + status + "; only a " + expected + " contract is " + action);
        }
    }

    private ContractVersion current() {
        return versions.get(versions.size() - 1);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    UUID id() {
        return id;
    }

    UUID dealId() {
        return dealId;
    }

    String template() {
        return template;
    }

    String terms() {
        return terms;
    }

    ContractView view() {
        return new ContractView(
                id,
                dealId,
                title,
                template,
                terms,
                status,
                current().number(),
                current().body(),
                versions.stream().map(ContractVersion::view).toList(),
                reviewDraftId,
                reviewNotes,
                reviewedBy,
                expiresOn,
                sentAt,
                sentTo,
                signedAt,
                signedBy,
                signedRecordedBy,
                signedCopyName,
                declinedAt,
                declineReason,
                version == null ? 0 : version,
                createdAt,
                updatedAt);
    }
}

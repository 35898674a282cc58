package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A contact enrolled in one campaign. Its status moves only along {@link LeadStatus#next()}; its effective score
 * is the override when an admin set one, else the computed score.
 */
@Table("leads")
class Lead extends AbstractAggregateRoot<Lead> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID campaignId;
    private final UUID contactId;
    private LeadStatus status;
    private Score score;
    private String scoreReason;
    private Score scoreOverride;
    private String scoreOverrideReason;
    private BigDecimal potentialValue;
    private String currency;
    private BigDecimal sentiment;
    private UUID ownerId;
    private Instant lastContactedAt;
    private String nextAction;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Lead(
            UUID id,
            TenantId tenantId,
            UUID campaignId,
            UUID contactId,
            LeadStatus status,
            Score score,
            String scoreReason,
            Score scoreOverride,
            String scoreOverrideReason,
            BigDecimal potentialValue,
            String currency,
            BigDecimal sentiment,
            UUID ownerId,
            Instant lastContactedAt,
            String nextAction,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.campaignId = campaignId;
        this.contactId = contactId;
        this.status = status;
        this.score = score;
        this.scoreReason = scoreReason;
        this.scoreOverride = scoreOverride;
        this.scoreOverrideReason = scoreOverrideReason;
        this.potentialValue = potentialValue;
        this.currency = currency;
        this.sentiment = sentiment;
        this.ownerId = ownerId;
        this.lastContactedAt = lastContactedAt;
        this.nextAction = nextAction;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Lead enrol(TenantId tenant, UUID campaignId, UUID contactId, LeadChange initial, Actor actor, Instant now) {
        Lead lead = new Lead(
                UUID.randomUUID(),
                tenant,
                campaignId,
                contactId,
                LeadStatus.NEW,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now);
        lead.applyFields(initial);
        lead.registerEvent(LeadChanged.of(lead, "lead.created", null, actor, Map.of()));
        return lead;
    }

    void change(LeadChange change, Actor actor, Instant now) {
        LeadSnapshot before = snapshot();
        applyFields(change);
        if (change.status() != null && change.status() != status) {
            if (!status.canMoveTo(change.status())) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "A " + status + " lead cannot move to " + change.status(),
                        Map.of(
                                "status",
                                status.name(),
                                "allowed",
                                status.next().stream().map(Enum::name).sorted().toList()));
            }
            LeadStatus from = status;
            status = change.status();
            if (status == LeadStatus.CONTACTED) {
                lastContactedAt = now;
            }
            updatedAt = now;
            registerEvent(LeadChanged.of(
                    this, "lead.status_changed", before, actor, Map.of("from", from.name(), "to", status.name())));
            if (status == LeadStatus.DND) {
                registerEvent(new LeadMarkedDoNotContact(tenantId.value(), id, campaignId, contactId, actor));
            }
            return;
        }
        updatedAt = now;
        if (!before.equals(snapshot())) {
            registerEvent(LeadChanged.of(this, "lead.updated", before, actor, Map.of()));
        }
    }

    /** Sets ({@code score} not null, reason required) or clears ({@code score} null) the admin's override. */
    void overrideScore(Score newScore, String reason, Actor actor, Instant now) {
        if (newScore != null && (reason == null || reason.isBlank())) {
            throw ApiException.invalidField("reason", "is required to override a score");
        }
        if (reason != null && reason.length() > 1000) {
            throw ApiException.invalidField("reason", "must be at most 1000 characters");
        }
        LeadSnapshot before = snapshot();
        Score old = effectiveScore();
        scoreOverride = newScore;
        scoreOverrideReason = newScore == null ? null : reason.trim();
        updatedAt = now;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("old", old == null ? null : old.name());
        payload.put("new", effectiveScore() == null ? null : effectiveScore().name());
        payload.put("override", newScore == null ? null : newScore.name());
        payload.put("reason", scoreOverrideReason);
        registerEvent(LeadChanged.of(this, "lead.score.overridden", before, actor, payload));
    }

    private void applyFields(LeadChange c) {
        if (c.score() != null) {
            score = c.score();
        }
        if (c.scoreReason() != null) {
            scoreReason = limited("scoreReason", c.scoreReason(), 1000);
        }
        if (c.potentialValue() != null) {
            if (c.potentialValue().signum() < 0
                    || c.potentialValue().precision() - c.potentialValue().scale() > 12) {
                throw ApiException.invalidField("potentialValue", "must be between 0 and 999,999,999,999.99");
            }
            potentialValue = c.potentialValue().setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (c.currency() != null) {
            if (!c.currency().matches("[A-Za-z]{3}")) {
                throw ApiException.invalidField("currency", "must be a three-letter ISO 4217 code such as CAD");
            }
            currency = c.currency().toUpperCase(java.util.Locale.ROOT);
        }
        if (c.sentiment() != null) {
            if (c.sentiment().compareTo(BigDecimal.ONE) > 0 || c.sentiment().compareTo(BigDecimal.ONE.negate()) < 0) {
                throw ApiException.invalidField("sentiment", "must be between -1 and 1");
            }
            sentiment = c.sentiment().setScale(3, java.math.RoundingMode.HALF_UP);
        }
        if (c.ownerId() != null) {
            ownerId = c.ownerId();
        }
        if (c.nextAction() != null) {
            nextAction = limited("nextAction", c.nextAction(), 500);
        }
        if (potentialValue != null && currency == null) {
            throw ApiException.invalidField("currency", "is required with potentialValue");
        }
    }

    private static String limited(String field, String value, int max) {
        String v = value.trim();
        if (v.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return v.isEmpty() ? null : v;
    }

    boolean canMoveTo(LeadStatus target) {
        return status.canMoveTo(target);
    }

    Score effectiveScore() {
        return scoreOverride != null ? scoreOverride : score;
    }

    record LeadSnapshot(
            LeadStatus status,
            Score score,
            String scoreReason,
            Score scoreOverride,
            String scoreOverrideReason,
            BigDecimal potentialValue,
            String currency,
            BigDecimal sentiment,
            UUID ownerId,
            String nextAction) {}

    LeadSnapshot snapshot() {
        return new LeadSnapshot(
                status,
                score,
                scoreReason,
                scoreOverride,
                scoreOverrideReason,
                potentialValue,
                currency,
                sentiment,
                ownerId,
                nextAction);
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    UUID campaignId() {
        return campaignId;
    }

    UUID contactId() {
        return contactId;
    }
}

package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deal on the workspace's pipeline. It guards its own fields (a name, an exact amount in a currency, a probability
 * from 0 to 100) and its moves: a move to a LOST stage needs a reason, each move records how long the deal sat in
 * the stage it left, and the probability follows the stage it enters.
 */
@Table("deals")
class Deal extends AbstractAggregateRoot<Deal> {

    /** A move, as the stage history keeps it. */
    record Move(UUID fromStageId, UUID toStageId, Instant at, Long secondsInFromStage, String lostReason) {}

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String name;
    private final UUID contactId;
    private final UUID leadId;
    private UUID companyId;
    private String companyName;
    private BigDecimal amount;
    private BigDecimal listAmount;
    private String currency;
    private UUID stageId;
    private int probability;
    private LocalDate expectedCloseDate;
    private UUID ownerId;
    private final UUID sourceCampaignId;
    private String nextStep;
    private String lostReason;
    private Instant stageEnteredAt;
    private Instant closedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Deal(
            UUID id,
            TenantId tenantId,
            String name,
            UUID contactId,
            UUID leadId,
            UUID companyId,
            String companyName,
            BigDecimal amount,
            BigDecimal listAmount,
            String currency,
            UUID stageId,
            int probability,
            LocalDate expectedCloseDate,
            UUID ownerId,
            UUID sourceCampaignId,
            String nextStep,
            String lostReason,
            Instant stageEnteredAt,
            Instant closedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.contactId = contactId;
        this.leadId = leadId;
        this.companyId = companyId;
        this.companyName = companyName;
        this.amount = amount;
        this.listAmount = listAmount;
        this.currency = currency;
        this.stageId = stageId;
        this.probability = probability;
        this.expectedCloseDate = expectedCloseDate;
        this.ownerId = ownerId;
        this.sourceCampaignId = sourceCampaignId;
        this.nextStep = nextStep;
        this.lostReason = lostReason;
        this.stageEnteredAt = stageEnteredAt;
        this.closedAt = closedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new deal in {@code stage}; the draft's fields checked, the probability the stage's unless given. */
    static Deal open(
            TenantId tenant,
            UUID contactId,
            UUID leadId,
            UUID companyId,
            DealDraft draft,
            StageView stage,
            Actor actor,
            Instant now) {
        if (stage.kind() != StageKind.OPEN) {
            throw ApiException.invalidField("stageId", "must be an OPEN stage for a new deal");
        }
        String currency = Money.currency("currency", draft.currency());
        BigDecimal amount = Money.amount("amount", draft.amount(), currency);
        BigDecimal list =
                draft.listAmount() == null ? amount : Money.amount("listAmount", draft.listAmount(), currency);
        Deal d = new Deal(
                UUID.randomUUID(),
                tenant,
                name(draft.name()),
                contactId,
                leadId,
                companyId,
                text("company", draft.company(), 200),
                amount,
                list,
                currency,
                stage.id(),
                draft.probability() == null ? stage.probability() : probability(draft.probability()),
                draft.expectedCloseDate(),
                draft.ownerId(),
                draft.sourceCampaignId(),
                text("nextStep", draft.nextStep(), 500),
                null,
                now,
                null,
                null,
                now,
                now);
        d.registerEvent(new DealCreated(
                tenant.value(), d.id, leadId, d.sourceCampaignId, d.name, stage.name(), amount, currency, actor));
        return d;
    }

    /** Applies the fields the draft carries (null: unchanged); no event when nothing changed. */
    void change(DealDraft draft, Actor actor, Instant now) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        String newCurrency = draft.currency() == null ? currency : Money.currency("currency", draft.currency());
        BigDecimal newAmount = draft.amount() == null ? amount : Money.amount("amount", draft.amount(), newCurrency);
        BigDecimal newList =
                draft.listAmount() == null ? listAmount : Money.amount("listAmount", draft.listAmount(), newCurrency);
        if (!newCurrency.equals(currency)) {
            // an amount kept across a currency change must still fit the new currency's minor unit
            newAmount = Money.amount("amount", newAmount, newCurrency);
            newList = Money.amount("listAmount", newList, newCurrency);
        }
        track("name", name, draft.name() == null ? name : name(draft.name()), before, after);
        track("amount", amount, newAmount, before, after);
        track("listAmount", listAmount, newList, before, after);
        track("currency", currency, newCurrency, before, after);
        track(
                "probability",
                probability,
                draft.probability() == null ? probability : probability(draft.probability()),
                before,
                after);
        track(
                "expectedCloseDate",
                expectedCloseDate,
                draft.expectedCloseDate() == null ? expectedCloseDate : draft.expectedCloseDate(),
                before,
                after);
        track("ownerId", ownerId, draft.ownerId() == null ? ownerId : draft.ownerId(), before, after);
        track(
                "nextStep",
                nextStep,
                draft.nextStep() == null ? nextStep : text("nextStep", draft.nextStep(), 500),
                before,
                after);
        track(
                "company",
                companyName,
                draft.company() == null ? companyName : text("company", draft.company(), 200),
                before,
                after);
        if (after.isEmpty()) {
            return;
        }
        name = after.containsKey("name") ? (String) after.get("name") : name;
        amount = newAmount;
        listAmount = newList;
        currency = newCurrency;
        probability = after.containsKey("probability") ? (Integer) after.get("probability") : probability;
        expectedCloseDate =
                after.containsKey("expectedCloseDate") ? (LocalDate) after.get("expectedCloseDate") : expectedCloseDate;
        ownerId = after.containsKey("ownerId") ? (UUID) after.get("ownerId") : ownerId;
        nextStep = after.containsKey("nextStep") ? (String) after.get("nextStep") : nextStep;
        companyName = after.containsKey("company") ? (String) after.get("company") : companyName;
        updatedAt = now;
        registerEvent(new DealUpdated(tenantId.value(), id, printable(before), printable(after), actor));
    }

    /**
     * Moves the deal to {@code to}; empty when it is already there. A LOST stage needs a reason (400); entering WON or
     * LOST closes the deal, entering an OPEN stage reopens it.
     */
    java.util.Optional<Move> moveTo(StageView from, StageView to, String reason, Actor actor, Instant now) {
        if (to.id().equals(stageId)) {
            return java.util.Optional.empty();
        }
        String why = text("lostReason", reason, 500);
        if (to.kind() == StageKind.LOST && why == null) {
            throw ApiException.invalidField("lostReason", "is required when the deal is lost");
        }
        long seconds = Math.max(0, Duration.between(stageEnteredAt, now).getSeconds());
        UUID fromId = stageId;
        stageId = to.id();
        probability = to.probability();
        stageEnteredAt = now;
        lostReason = to.kind() == StageKind.LOST ? why : null;
        closedAt = to.kind() == StageKind.OPEN ? null : now;
        updatedAt = now;
        registerEvent(new DealStageChanged(
                tenantId.value(),
                id,
                fromId,
                from == null ? null : from.name(),
                to.id(),
                to.name(),
                to.kind(),
                lostReason,
                seconds,
                actor));
        return java.util.Optional.of(new Move(fromId, to.id(), now, seconds, lostReason));
    }

    private static void track(
            String field, Object was, Object now, Map<String, Object> before, Map<String, Object> after) {
        boolean same = was instanceof BigDecimal a && now instanceof BigDecimal b
                ? a.compareTo(b) == 0
                : Objects.equals(was, now);
        if (!same) {
            before.put(field, was);
            after.put(field, now);
        }
    }

    private static Map<String, Object> printable(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(
                k,
                v == null
                        ? null
                        : v instanceof BigDecimal b ? b.toPlainString() : v instanceof Integer ? v : v.toString()));
        return out;
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ApiException.invalidField("name", "must be 1 to 200 characters");
        }
        return name.strip();
    }

    private static int probability(int p) {
        if (p < 0 || p > 100) {
            throw ApiException.invalidField("probability", "must be between 0 and 100");
        }
        return p;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
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

    UUID stageId() {
        return stageId;
    }

    UUID contactId() {
        return contactId;
    }

    String currency() {
        return currency;
    }

    BigDecimal listAmount() {
        return listAmount;
    }

    UUID sourceCampaignId() {
        return sourceCampaignId;
    }

    DealView view(StageView stage, String contactName) {
        return new DealView(
                id,
                name,
                contactId,
                contactName,
                leadId,
                companyId,
                companyName,
                amount,
                listAmount,
                currency,
                Money.round(amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2), currency),
                stage,
                probability,
                expectedCloseDate,
                ownerId,
                sourceCampaignId,
                nextStep,
                lostReason,
                stageEnteredAt,
                closedAt,
                version == null ? 0 : version,
                createdAt,
                updatedAt);
    }
}

package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One offer on a deal, kept as made. It works out its discount from the deal's list amount (or its amount from a
 * discount, half-up to the currency's minor unit) and refuses an offer of ours above the discount cap unless an admin
 * gives the exception's reason.
 */
@Table("negotiation_entries")
class Offer extends AbstractAggregateRoot<Offer> {

    static final Set<String> CHANNELS = Set.of("EMAIL", "PHONE", "MEETING", "VIDEO", "WHATSAPP", "SMS", "OTHER");

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID dealId;
    private final String party;
    private final String authorKind;
    private final String authorId;
    private final String authorName;
    private final BigDecimal amount;
    private final BigDecimal listAmount;
    private final String currency;
    private final BigDecimal discountPercent;
    private final String terms;
    private final Integer paymentTermsDays;
    private final String channel;
    private final String note;
    private final BigDecimal capPercent;
    private final String exceptionReason;
    private final String exceptionBy;

    @Version
    private Long version;

    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    Offer(
            UUID id,
            TenantId tenantId,
            UUID dealId,
            String party,
            String authorKind,
            String authorId,
            String authorName,
            BigDecimal amount,
            BigDecimal listAmount,
            String currency,
            BigDecimal discountPercent,
            String terms,
            Integer paymentTermsDays,
            String channel,
            String note,
            BigDecimal capPercent,
            String exceptionReason,
            String exceptionBy,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.dealId = dealId;
        this.party = party;
        this.authorKind = authorKind;
        this.authorId = authorId;
        this.authorName = authorName;
        this.amount = amount;
        this.listAmount = listAmount;
        this.currency = currency;
        this.discountPercent = discountPercent;
        this.terms = terms;
        this.paymentTermsDays = paymentTermsDays;
        this.channel = channel;
        this.note = note;
        this.capPercent = capPercent;
        this.exceptionReason = exceptionReason;
        this.exceptionBy = exceptionBy;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * A new offer on a deal whose list amount and currency are given. 400 for a bad field; 422 for a discount of ours
     * above {@code cap} without an admin's exception (an exception reason from someone else than an admin: 403).
     */
    static Offer make(
            TenantId tenant,
            UUID dealId,
            BigDecimal list,
            String currency,
            BigDecimal cap,
            OfferDraft d,
            Actor actor,
            boolean byAdmin,
            Instant now) {
        String party = oneOf("who", d.who(), Set.of("US", "THEM"), null);
        String kind = oneOf("by", d.by(), Set.of("PERSON", "AGENT"), "PERSON");
        String channel = oneOf("channel", d.channel(), CHANNELS, "OTHER");
        String author = actor.name();
        if (kind.equals("AGENT")) {
            if (d.agentName() == null || d.agentName().isBlank()) {
                throw ApiException.invalidField("agentName", "is required for an offer made by an agent");
            }
            author = d.agentName().strip();
        }
        if (d.amount() == null && d.discountPercent() == null) {
            throw ApiException.invalidField("amount", "is required (or discountPercent)");
        }
        BigDecimal amount;
        BigDecimal discount;
        if (d.discountPercent() != null) {
            if (d.discountPercent().compareTo(BigDecimal.valueOf(-100)) < 0
                    || d.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0
                    || d.discountPercent().stripTrailingZeros().scale() > 2) {
                throw ApiException.invalidField(
                        "discountPercent", "must be between -100 and 100 with at most 2 decimals");
            }
            discount = d.discountPercent().setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal fromDiscount = Money.round(list.subtract(Money.percentOf(list, d.discountPercent())), currency);
            if (d.amount() != null
                    && Money.amount("amount", d.amount(), currency).compareTo(fromDiscount) != 0) {
                throw ApiException.invalidField(
                        "amount", "does not match discountPercent (" + fromDiscount.toPlainString() + " expected)");
            }
            amount = fromDiscount;
        } else {
            amount = Money.amount("amount", d.amount(), currency);
            discount = list.signum() == 0
                    ? BigDecimal.ZERO.setScale(2)
                    : list.subtract(amount).movePointRight(2).divide(list, 2, RoundingMode.HALF_UP);
        }
        String reason = text("exceptionReason", d.exceptionReason(), 500);
        String exceptionBy = null;
        if (party.equals("US") && discount.compareTo(cap) > 0) {
            if (reason == null) {
                throw new ApiException(
                        ErrorCode.UNPROCESSABLE,
                        "Discount " + discount.toPlainString() + " % is above the maximum of " + cap.toPlainString()
                                + " %; only an admin can allow an exception, with a reason",
                        Map.of(
                                "field",
                                "discountPercent",
                                "discountPercent",
                                discount.toPlainString(),
                                "maxDiscountPercent",
                                cap.toPlainString()));
            }
            if (!byAdmin) {
                throw ApiException.forbidden("Only an admin can allow a discount above the maximum");
            }
            exceptionBy = actor.name();
        } else {
            reason = null;
        }
        if (d.paymentTermsDays() != null && (d.paymentTermsDays() < 0 || d.paymentTermsDays() > 365)) {
            throw ApiException.invalidField("paymentTermsDays", "must be between 0 and 365");
        }
        Offer o = new Offer(
                UUID.randomUUID(),
                tenant,
                dealId,
                party,
                kind,
                actor.id(),
                author,
                amount,
                list,
                currency,
                discount,
                text("terms", d.terms(), 4000),
                d.paymentTermsDays(),
                channel,
                text("note", d.note(), 4000),
                cap,
                reason,
                exceptionBy,
                null,
                now,
                now);
        o.registerEvent(new DealOfferRecorded(
                tenant.value(), dealId, o.id, party, amount, currency, discount, reason != null, actor));
        return o;
    }

    private static String oneOf(String field, String value, Set<String> allowed, String fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw ApiException.invalidField(
                        field,
                        "is required: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            return fallback;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ApiException.invalidField(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        return v;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    OfferView view() {
        return new OfferView(
                id,
                dealId,
                party,
                authorKind,
                authorName,
                amount,
                listAmount,
                currency,
                discountPercent,
                capPercent,
                terms,
                paymentTermsDays,
                channel,
                note,
                exceptionReason,
                exceptionBy,
                createdAt);
    }
}

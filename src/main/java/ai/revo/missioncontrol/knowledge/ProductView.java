package ai.revo.missioncontrol.knowledge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product of the catalogue as clients read it; {@code price} is null when the product has none, {@code imageUrl}
 * when it has no picture (the URL changes with the picture, so it may be cached).
 */
public record ProductView(
        UUID id,
        String name,
        String description,
        Price price,
        String sku,
        String availability,
        String retailerId,
        String imageUrl,
        Instant createdAt,
        Instant updatedAt) {

    /** An amount in an ISO 4217 currency. */
    public record Price(BigDecimal amount, String currency) {}
}

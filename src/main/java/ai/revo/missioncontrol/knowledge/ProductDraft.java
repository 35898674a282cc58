package ai.revo.missioncontrol.knowledge;

import java.math.BigDecimal;

/**
 * The fields of a product as a client sends them. On create, name is required; on change, a field left out (null)
 * stays as it is. {@code availability}: IN_STOCK (the default), OUT_OF_STOCK, PREORDER or DISCONTINUED.
 */
public record ProductDraft(
        String name,
        String description,
        BigDecimal priceAmount,
        String priceCurrency,
        String sku,
        String availability,
        String retailerId) {}

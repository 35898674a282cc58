package ai.revo.missioncontrol.agents.checks;

import java.math.BigDecimal;
import java.util.List;

/**
 * The workspace's product catalogue as the inventory check reads it: each product's name and price (amount and ISO
 * currency, both null when it has none). Empty when the workspace has no catalogue.
 */
public record Catalogue(List<Item> items) {

    private static final Catalogue NONE = new Catalogue(List.of());

    public Catalogue {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static Catalogue none() {
        return NONE;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public record Item(String name, BigDecimal amount, String currency) {}
}

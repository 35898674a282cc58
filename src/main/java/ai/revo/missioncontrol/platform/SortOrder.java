package ai.revo.missioncontrol.platform;

import java.util.Locale;
import java.util.Set;

/**
 * A validated {@code sort=} and {@code order=asc|desc} pair. Only the fields a list allows are accepted, so the
 * column name can be used in SQL safely.
 */
public record SortOrder(String field, boolean ascending) {

    public static SortOrder of(
            String sort, String order, Set<String> allowed, String defaultField, boolean defaultAscending) {
        String field = sort == null || sort.isBlank() ? defaultField : sort;
        if (!allowed.contains(field)) {
            throw ApiException.invalidField(
                    "sort", "must be one of " + allowed.stream().sorted().toList());
        }
        // the default direction belongs to the default field; a field the client names sorts ascending
        boolean ascending = sort == null || sort.isBlank() ? defaultAscending : true;
        if (order != null && !order.isBlank()) {
            switch (order.toLowerCase(Locale.ROOT)) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> throw ApiException.invalidField("order", "must be asc or desc");
            }
        }
        return new SortOrder(field, ascending);
    }

    public String direction() {
        return ascending ? "asc" : "desc";
    }
}

package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract template's merge fields, written in double braces: deal.name, contact.email, company.name,
 * workspace.name, terms and the others in {@link #FIELDS}. An unknown field is a 400 naming it, so a typo never
 * reaches a customer; a known field without a value merges as empty text.
 */
final class ContractMerge {

    static final java.util.List<String> FIELDS = java.util.List.of(
            "deal.name",
            "deal.amount",
            "deal.listAmount",
            "deal.currency",
            "deal.expectedCloseDate",
            "contact.name",
            "contact.firstName",
            "contact.lastName",
            "contact.email",
            "company.name",
            "workspace.name",
            "workspace.address",
            "workspace.taxId",
            "terms",
            "date");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");

    private ContractMerge() {}

    /** The template with every field replaced by its value in {@code values}; 400 for an unknown field. */
    static String merge(String template, Map<String, String> values) {
        Matcher m = FIELD.matcher(template);
        TreeSet<String> unknown = new TreeSet<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!FIELDS.contains(name)) {
                unknown.add(name);
                m.appendReplacement(out, "");
                continue;
            }
            String value = values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalidField(
                    "template",
                    "has unknown merge field(s) " + String.join(", ", unknown) + "; known: "
                            + String.join(", ", FIELDS));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, String> values() {
        return new LinkedHashMap<>();
    }
}

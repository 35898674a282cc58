package ai.revo.missioncontrol.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small JSON-schema subset prompts use for their answers: an object with typed properties (string, number,
 * integer, boolean, array, object), numbers optionally bounded by minimum and maximum, and required names.
 */
final class OutputSchema {

    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object");

    private OutputSchema() {}

    /** Why {@code schema} is not a usable output schema, or null when it is. */
    static String problem(Map<String, Object> schema) {
        if (!"object".equals(schema.get("type"))) {
            return "must have type object";
        }
        Object properties = schema.get("properties");
        if (!(properties instanceof Map<?, ?> props) || props.isEmpty()) {
            return "must declare properties";
        }
        for (Map.Entry<?, ?> e : props.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> p) || !TYPES.contains(String.valueOf(p.get("type")))) {
                return "property " + e.getKey() + " must have a type among "
                        + String.join(", ", TYPES.stream().sorted().toList());
            }
        }
        Object required = schema.get("required");
        if (required != null) {
            if (!(required instanceof List<?> names)) {
                return "required must be a list of property names";
            }
            for (Object name : names) {
                if (!props.containsKey(String.valueOf(name))) {
                    return "required names an undeclared property: " + name;
                }
            }
        }
        return null;
    }

    /** What is wrong with {@code answer} against {@code schema}; empty when it conforms. */
    static List<String> violations(Map<String, Object> answer, Map<String, Object> schema) {
        List<String> problems = new ArrayList<>();
        Object required = schema.get("required");
        if (required instanceof List<?> names) {
            for (Object name : names) {
                Object value = answer.get(String.valueOf(name));
                if (value == null || (value instanceof String s && s.isBlank())) {
                    problems.add(name + " is required");
                }
            }
        }
        if (schema.get("properties") instanceof Map<?, ?> props) {
            for (Map.Entry<?, ?> e : props.entrySet()) {
                Object value = answer.get(String.valueOf(e.getKey()));
                if (value == null || !(e.getValue() instanceof Map<?, ?> p)) {
                    continue;
                }
                String type = String.valueOf(p.get("type"));
                boolean ok = switch (type) {
                    case "string" -> value instanceof String;
                    case "number" -> value instanceof Number;
                    case "integer" ->
                        value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
                    case "boolean" -> value instanceof Boolean;
                    case "array" -> value instanceof List<?>;
                    case "object" -> value instanceof Map<?, ?>;
                    default -> true;
                };
                if (!ok) {
                    problems.add(e.getKey() + " must be a " + type);
                } else if (value instanceof Number n) {
                    if (p.get("minimum") instanceof Number min && n.doubleValue() < min.doubleValue()) {
                        problems.add(e.getKey() + " must be at least " + MergeTemplate.format(min));
                    }
                    if (p.get("maximum") instanceof Number max && n.doubleValue() > max.doubleValue()) {
                        problems.add(e.getKey() + " must be at most " + MergeTemplate.format(max));
                    }
                }
            }
        }
        return problems;
    }

    /** Whether {@code name} is listed as required. */
    static boolean required(Map<String, Object> schema, String name) {
        return schema.get("required") instanceof List<?> names && names.contains(name);
    }
}

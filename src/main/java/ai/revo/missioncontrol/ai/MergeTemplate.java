package ai.revo.missioncontrol.ai;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merge-field templates, the syntax of prompts, fallback templates and e-mail templates.
 * <ul>
 * <li>{@code {{path}}}: the value at a dotted path into nested maps ({@code {{campaign.agentName}}}); a missing or
 * null value renders empty.</li>
 * <li>{@code {{path|fallback}}}: the literal fallback text when the value is missing or blank.</li>
 * <li>{@code {{#path}}...{{/path}}}: a section. A list repeats the block once per item ({@code {{.}}} is the item,
 * and a map item's fields resolve first); a map renders the block with its fields; any other non-blank value (or
 * {@code true}) renders the block once; a missing, blank, false or empty value renders nothing.</li>
 * <li>{@code {{^path}}...{{/path}}}: an inverted section, rendered only when the section would render nothing.</li>
 * <li>{@code {{#path=VALUE}}...{{/path=VALUE}}}: rendered only when the value equals VALUE (ignoring case);
 * {@code {{^path=VALUE}}} the opposite.</li>
 * </ul>
 * A list outside a section renders as its items joined with {@code , }, a map as {@code name: value} pairs joined
 * the same way; whole numbers render without a decimal
 * point. Unclosed tags are kept as text. Rendering never throws on missing data.
 */
public final class MergeTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private MergeTemplate() {}

    /** Renders {@code template} (null renders empty) with {@code variables} (may be null). */
    public static String render(String template, Map<String, ?> variables) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        List<Node> nodes = parse(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        Scope scope = new Scope(null, variables == null ? Map.of() : variables, true);
        renderAll(nodes, scope, out);
        return out.toString();
    }

    /** The paths a template refers to, in order of first appearance (section names included, {@code .} not). */
    public static Set<String> fields(String template) {
        Set<String> fields = new LinkedHashSet<>();
        if (template != null) {
            collect(parse(template), fields);
        }
        return fields;
    }

    // ---- model

    private sealed interface Node permits Text, Field, Section {}

    private record Text(String text) implements Node {}

    private record Field(String path, String fallback) implements Node {}

    private record Section(String path, String equals, boolean inverted, List<Node> children) implements Node {}

    private record Scope(Scope parent, Object value, boolean root) {

        Object lookup(String path) {
            if (".".equals(path)) {
                return value;
            }
            for (Scope s = this; s != null; s = s.parent) {
                if (s.value instanceof Map<?, ?> map) {
                    Object found = resolve(map, path);
                    if (found != MISSING) {
                        return found;
                    }
                }
            }
            return null;
        }
    }

    private static final Object MISSING = new Object();

    private static Object resolve(Map<?, ?> map, String path) {
        if (map.containsKey(path)) {
            return map.get(path);
        }
        Object current = map;
        for (String part : path.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return MISSING;
            }
            current = m.get(part);
        }
        return current;
    }

    // ---- parsing

    private static List<Node> parse(String template) {
        List<List<Node>> stack = new ArrayList<>();
        List<String[]> openSections = new ArrayList<>(); // name (with its =VALUE), # or ^
        stack.add(new ArrayList<>());
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < template.length()) {
            int open = template.indexOf(OPEN, i);
            if (open < 0) {
                text.append(template, i, template.length());
                break;
            }
            int close = template.indexOf(CLOSE, open + 2);
            if (close < 0) {
                text.append(template, i, template.length());
                break;
            }
            text.append(template, i, open);
            String tag = template.substring(open + 2, close).trim();
            i = close + 2;
            if (tag.isEmpty()) {
                text.append(template, open, close + 2);
                continue;
            }
            char kind = tag.charAt(0);
            if (kind == '#' || kind == '^') {
                flush(text, stack);
                String name = tag.substring(1).trim();
                openSections.add(new String[] {name, String.valueOf(kind)});
                stack.add(new ArrayList<>());
            } else if (kind == '/') {
                String name = tag.substring(1).trim();
                if (!openSections.isEmpty() && openSections.get(openSections.size() - 1)[0].equals(name)) {
                    flush(text, stack);
                    String[] section = openSections.remove(openSections.size() - 1);
                    List<Node> children = stack.remove(stack.size() - 1);
                    String path = section[0];
                    String equals = null;
                    int eq = path.indexOf('=');
                    if (eq >= 0) {
                        equals = path.substring(eq + 1).trim();
                        path = path.substring(0, eq).trim();
                    }
                    stack.get(stack.size() - 1).add(new Section(path, equals, section[1].equals("^"), children));
                } else {
                    text.append(template, open, close + 2); // a stray closing tag stays visible
                }
            } else {
                flush(text, stack);
                int bar = tag.indexOf('|');
                String path = bar < 0 ? tag : tag.substring(0, bar).trim();
                String fallback = bar < 0 ? null : tag.substring(bar + 1);
                stack.get(stack.size() - 1).add(new Field(path, fallback));
            }
        }
        flush(text, stack);
        // unclosed sections: keep their opening tag as text and their content inline
        while (stack.size() > 1) {
            List<Node> children = stack.remove(stack.size() - 1);
            String[] section = openSections.remove(openSections.size() - 1);
            List<Node> parent = stack.get(stack.size() - 1);
            parent.add(new Text(OPEN + section[1] + section[0] + CLOSE));
            parent.addAll(children);
        }
        return stack.get(0);
    }

    private static void flush(StringBuilder text, List<List<Node>> stack) {
        if (!text.isEmpty()) {
            stack.get(stack.size() - 1).add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    private static void collect(List<Node> nodes, Set<String> fields) {
        for (Node node : nodes) {
            if (node instanceof Field f && !f.path().equals(".")) {
                fields.add(f.path());
            } else if (node instanceof Section s) {
                if (!s.path().equals(".")) {
                    fields.add(s.path());
                }
                collect(s.children(), fields);
            }
        }
    }

    // ---- rendering

    private static void renderAll(List<Node> nodes, Scope scope, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Field f) {
                String value = format(scope.lookup(f.path()));
                out.append(value.isBlank() && f.fallback() != null ? f.fallback() : value);
            } else if (node instanceof Section s) {
                renderSection(s, scope, out);
            }
        }
    }

    private static void renderSection(Section s, Scope scope, StringBuilder out) {
        Object value = scope.lookup(s.path());
        if (s.equals() != null) {
            boolean matches = value != null && format(value).trim().equalsIgnoreCase(s.equals());
            if (matches != s.inverted()) {
                renderAll(s.children(), scope, out);
            }
            return;
        }
        boolean truthy = truthy(value);
        if (s.inverted()) {
            if (!truthy) {
                renderAll(s.children(), scope, out);
            }
            return;
        }
        if (!truthy) {
            return;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                renderAll(s.children(), new Scope(scope, item, false), out);
            }
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                renderAll(s.children(), new Scope(scope, item, false), out);
            }
        } else {
            renderAll(s.children(), new Scope(scope, value, false), out);
        }
    }

    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Object[] a) {
            return a.length > 0;
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !format(value).isBlank();
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal number = new BigDecimal(value.toString());
            try {
                return number.toBigIntegerExact().toString();
            } catch (ArithmeticException notWhole) {
                return number.stripTrailingZeros().toPlainString();
            }
        }
        if (value instanceof Collection<?> items) {
            List<String> parts = new ArrayList<>();
            for (Object item : items) {
                String part = format(item);
                if (!part.isBlank()) {
                    parts.add(part);
                }
            }
            return String.join(", ", parts);
        }
        if (value instanceof Object[] items) {
            return format(java.util.Arrays.asList(items));
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + ": " + format(v)));
            return String.join(", ", parts);
        }
        return value.toString();
    }
}

package ai.revo.missioncontrol.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based reading and scrubbing of one module's own tables for a {@link DataSubject}, for the module's
 * {@link PersonalDataHolder}. A table is given as {@code table:link1,link2}: its rows about the subject are those
 * whose link columns hold one of the subject's ids; the link {@code *} also counts rows whose text or JSON mentions
 * one of those ids (event payloads, delivered bodies). Scrubbing replaces, in every text and JSON column, the
 * subject's identifiers in all of the workspace's rows and their names in the rows about them, by the keyed hash
 * (case-insensitive), as written, and as JSON and HTML escape it (a name with quotes or an apostrophe). {@link #blank}
 * replaces whole columns (message bodies) of the rows about them. A column's constraints are kept: where the hash
 * makes a value longer than its length limit the value becomes as much of the hash as fits, and a column with a
 * CHECK on its format is cleared instead when nullable, so an erasure never fails on a short identifier column.
 */
@Component
public class PersonalDataTables {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<String, List<Column>> columns = new ConcurrentHashMap<>();

    PersonalDataTables(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Spec(String table, List<String> links, boolean mentions, boolean addressed) {
        static Spec of(String spec) {
            String[] parts = spec.split(":", 2);
            List<String> links = new ArrayList<>();
            boolean mentions = false;
            boolean addressed = false;
            if (parts.length > 1) {
                for (String l : parts[1].split(",")) {
                    if (l.equals("*")) {
                        mentions = true;
                    } else if (l.equals("@")) {
                        addressed = true;
                    } else {
                        links.add(ident(l));
                    }
                }
            }
            return new Spec(ident(parts[0]), links, mentions, addressed);
        }
    }

    /**
     * A text or JSON column, with what its constraints allow: {@code maxLength} (its {@code varchar(n)} or a CHECK on
     * its length; null when unlimited) and {@code otherCheck} (a CHECK on its own value that is not only about the
     * length, a format or a list of values, which the keyed hash would not pass).
     */
    record Column(String name, String type, boolean nullable, Integer maxLength, boolean otherCheck) {
        boolean json() {
            return type.startsWith("json");
        }

        String asText() {
            return json() ? name + "::text" : name;
        }

        /**
         * The SQL that stores {@code value} (an expression over the column, e.g. the text with the person replaced)
         * so that the column's constraints still hold: a value longer than the column allows becomes as much of the
         * keyed hash as fits (a short identifier column keeps a short placeholder, never a 409); a column whose
         * CHECK the hash cannot pass is cleared when it changes (null), or keeps the value when it cannot be null.
         */
        String fitted(String value) {
            if (json()) {
                return value;
            }
            if (otherCheck && nullable) {
                return "case when (" + value + ") is not distinct from " + name + " then " + name + " else null end";
            }
            if (maxLength != null) {
                return "case when length(" + value + ") <= " + maxLength + " then " + value
                        + " else left(cast(:replacement as text), " + maxLength + ") end";
            }
            return value;
        }
    }

    /** Each table's rows about the subject, as JSON. */
    public Map<String, List<Object>> export(DataSubject subject, String... tables) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (String t : tables) {
            Spec spec = Spec.of(t);
            String about = about(spec);
            if (about == null) {
                continue;
            }
            List<Object> rows = new ArrayList<>();
            for (String row : jdbc.sql("select to_jsonb(t)::text from " + spec.table()
                            + " t where tenant_id = :tenant and " + about)
                    .param("tenant", subject.tenantId())
                    .param("ids", ids(subject))
                    .param("idPattern", idPattern(subject))
                    .param("identPattern", identPattern(subject))
                    .query(String.class)
                    .list()) {
                try {
                    rows.add(json.readTree(row));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            out.put(spec.table(), rows);
        }
        return out;
    }

    /** Ids (column {@code idColumn}) of the table's rows about the subject, to follow to the tables hanging off them. */
    public List<UUID> idsAbout(DataSubject subject, String table, String idColumn) {
        Spec spec = Spec.of(table);
        String about = about(spec);
        if (about == null) {
            return List.of();
        }
        return jdbc.sql("select " + ident(idColumn) + " from " + spec.table() + " where tenant_id = :tenant and "
                        + about)
                .param("tenant", subject.tenantId())
                .param("ids", ids(subject))
                .param("idPattern", idPattern(subject))
                .param("identPattern", identPattern(subject))
                .query(UUID.class)
                .list();
    }

    /** Scrubs each table: identifiers everywhere in the workspace, names in the rows about the subject. */
    public void scrub(DataSubject subject, String... tables) {
        for (String t : tables) {
            Spec spec = Spec.of(t);
            List<Column> text = columns.computeIfAbsent(spec.table(), this::textColumns);
            if (text.isEmpty()) {
                continue;
            }
            if (pattern(subject.identifiers()) != null) {
                replace(subject, spec.table(), text, subject.identifiers(), null);
            }
            String about = about(spec);
            if (pattern(subject.names()) != null && about != null) {
                replace(subject, spec.table(), text, subject.names(), about);
            }
        }
    }

    /** Replaces the given columns of the rows about the subject (message bodies, rendered e-mails) by the hash. */
    public void blank(DataSubject subject, String table, String... blankColumns) {
        Spec spec = Spec.of(table);
        String about = about(spec);
        if (about == null) {
            return;
        }
        List<String> sets = blanked(spec.table(), blankColumns);
        jdbc.sql("update " + spec.table() + " set " + String.join(", ", sets) + " where tenant_id = :tenant and "
                        + about)
                .param("replacement", subject.replacement())
                .param("tenant", subject.tenantId())
                .param("ids", ids(subject))
                .param("idPattern", idPattern(subject))
                .param("identPattern", identPattern(subject))
                .update();
    }

    /**
     * Replaces the given columns, in the rows whose text mentions one of the subject's identifiers, by the hash: raw
     * provider payloads or import cells that name the person but hold no id of theirs.
     */
    public void blankWhereMentioned(DataSubject subject, String table, String... blankColumns) {
        String pattern = pattern(subject.identifiers());
        if (pattern == null) {
            return;
        }
        String t = ident(table);
        List<Column> text = columns.computeIfAbsent(t, this::textColumns);
        List<String> sets = blanked(t, blankColumns);
        List<String> any = new ArrayList<>();
        for (Column c : text) {
            any.add(c.asText() + " ~* " + (c.json() ? ":jsonPattern" : ":pattern"));
        }
        jdbc.sql("update " + t + " set " + String.join(", ", sets) + " where tenant_id = :tenant and ("
                        + String.join(" or ", any) + ")")
                .param("replacement", subject.replacement())
                .param("tenant", subject.tenantId())
                .param("pattern", pattern)
                .param("jsonPattern", jsonPattern(subject.identifiers()))
                .update();
    }

    /** The SET clauses that replace each of the columns, where it holds something, by the hash (as much as fits). */
    private List<String> blanked(String table, String... blankColumns) {
        Map<String, Column> byName = new java.util.HashMap<>();
        columns.computeIfAbsent(table, this::textColumns).forEach(c -> byName.put(c.name(), c));
        List<String> sets = new ArrayList<>();
        for (String name : blankColumns) {
            Column c = byName.get(ident(name));
            if (c == null) {
                throw new IllegalArgumentException(table + "." + name + " is not a text column");
            }
            String value = c.json() ? "to_jsonb(cast(:replacement as text))" : "cast(:replacement as text)";
            sets.add(c.name() + " = case when " + c.name() + " is null then null else " + c.fitted(value) + " end");
        }
        return sets;
    }

    private String about(Spec spec) {
        List<String> conditions = new ArrayList<>();
        for (String l : spec.links()) {
            conditions.add(l + "::text = any(string_to_array(:ids, ','))");
        }
        if (spec.mentions()) {
            for (Column c : columns.computeIfAbsent(spec.table(), this::textColumns)) {
                conditions.add(c.asText() + " ~* :idPattern");
            }
        }
        if (spec.addressed()) {
            // rows addressed to or from the person (an e-mail's recipient, a message's sender) are about them
            for (Column c : columns.computeIfAbsent(spec.table(), this::textColumns)) {
                if (!c.json()) {
                    conditions.add(c.name() + " ~* :identPattern");
                }
            }
        }
        return conditions.isEmpty() ? null : "(" + String.join(" or ", conditions) + ")";
    }

    private void replace(DataSubject subject, String table, List<Column> cols, Set<String> values, String about) {
        StringBuilder set = new StringBuilder();
        StringBuilder any = new StringBuilder();
        for (Column c : cols) {
            // JSON keeps a quote or backslash in a name escaped (\"Bob\"): its text is searched for that form
            String pattern = c.json() ? ":jsonPattern" : ":pattern";
            String replaced = "regexp_replace(" + c.asText() + ", " + pattern + ", :replacement, 'gi')";
            if (set.length() > 0) {
                set.append(", ");
                any.append(" or ");
            }
            set.append(c.name())
                    .append(" = ")
                    .append(c.json() ? "(" + replaced + ")::" + c.type() : c.fitted(replaced));
            any.append(c.asText()).append(" ~* ").append(pattern);
        }
        String sql = "update " + table + " set " + set + " where tenant_id = :tenant and (" + any + ")"
                + (about == null ? "" : " and " + about);
        var statement = jdbc.sql(sql)
                .param("pattern", pattern(values))
                .param("jsonPattern", jsonPattern(values))
                .param("replacement", subject.replacement())
                .param("tenant", subject.tenantId());
        if (about != null) {
            statement = statement
                    .param("ids", ids(subject))
                    .param("idPattern", idPattern(subject))
                    .param("identPattern", identPattern(subject));
        }
        statement.update();
    }

    private List<Column> textColumns(String table) {
        List<Column> found = new ArrayList<>();
        jdbc.sql("""
                        select a.attname, format_type(a.atttypid, null), not a.attnotnull,
                               case when t.typname in ('varchar', 'bpchar') and a.atttypmod > 4
                                    then a.atttypmod - 4 end,
                               coalesce((select string_agg(pg_get_constraintdef(k.oid), ' ; ')
                                         from pg_constraint k where k.conrelid = a.attrelid and k.contype = 'c'
                                           and k.conkey = array[a.attnum]), '')
                        from pg_attribute a join pg_type t on t.oid = a.atttypid
                        where a.attrelid = to_regclass('public.' || quote_ident(?)) and a.attnum > 0
                          and not a.attisdropped and t.typname in ('text', 'varchar', 'bpchar', 'json', 'jsonb')
                        order by a.attnum""")
                .param(table)
                .query((rs, n) -> {
                    String name = ident(rs.getString(1));
                    Integer declared = rs.getObject(4, Integer.class);
                    String checks = rs.getString(5);
                    found.add(new Column(
                            name,
                            rs.getString(2),
                            rs.getBoolean(3),
                            maxLength(name, declared, checks),
                            otherCheck(name, checks)));
                    return null;
                })
                .list();
        return List.copyOf(found);
    }

    private static final java.util.regex.Pattern LENGTH_LIMIT = java.util.regex.Pattern.compile(
            "(?:char_length|character_length|length)\\(\\(?([a-z_][a-z0-9_]*)\\)?(?:::text)?\\)\\s*(<=|<)\\s*(\\d+)");

    /** The most characters the column takes: its declared length, or the tightest CHECK on its length. */
    static Integer maxLength(String column, Integer declared, String checks) {
        Integer max = declared;
        java.util.regex.Matcher m = LENGTH_LIMIT.matcher(checks);
        while (m.find()) {
            if (m.group(1).equals(column)) {
                int n = Integer.parseInt(m.group(3)) - (m.group(2).equals("<") ? 1 : 0);
                max = max == null ? n : Math.min(max, n);
            }
        }
        return max;
    }

    /** Whether a CHECK of the column's own asks for more than a length and being null or not (a format, a list). */
    static boolean otherCheck(String column, String checks) {
        if (checks.isBlank()) {
            return false;
        }
        String rest = checks.replaceAll(
                        "(?:char_length|character_length|length)\\(\\(?" + column
                                + "\\)?(?:::text)?\\)\\s*(?:<=|<|>=|>|=)\\s*\\d+",
                        "")
                .replaceAll("\\(*\\b" + column + "\\b\\)*\\s+IS\\s+(NOT\\s+)?NULL", "");
        // what is left names the column only when another condition applies to its value
        return java.util.regex.Pattern.compile("\\b" + column + "\\b")
                .matcher(rest)
                .find();
    }

    /** A regular expression that matches nothing, not even an empty text (which {@code $^} would). */
    static final String NOTHING = "x^";

    private static String ids(DataSubject subject) {
        return String.join(",", subject.ids().stream().map(UUID::toString).toList());
    }

    private static String identPattern(DataSubject subject) {
        String p = pattern(subject.identifiers());
        return p == null ? NOTHING : p;
    }

    private static String idPattern(DataSubject subject) {
        return String.join("|", subject.ids().stream().map(UUID::toString).toList());
    }

    /**
     * A case-insensitive regular expression matching any of the values literally; null when there is none. A value
     * with quotes, an apostrophe or an ampersand (O'Brien, "Bob") is also matched as JSON and HTML write it
     * ({@code \"Bob\"}, {@code O&#39;Brien}), since raw payloads and rendered e-mails hold it so.
     */
    public static String pattern(Set<String> values) {
        return alternatives(forms(values, true, true));
    }

    /** The same for the text of a JSON column: a quote or backslash only in its escaped form, never structural. */
    static String jsonPattern(Set<String> values) {
        String p = alternatives(forms(values, false, true));
        return p == null ? NOTHING : p;
    }

    private static Set<String> forms(Set<String> values, boolean raw, boolean escaped) {
        Set<String> forms = new java.util.LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.strip().length() < 2) {
                continue;
            }
            String s = v.strip();
            String json = s.replace("\\", "\\\\").replace("\"", "\\\"");
            if (raw || json.equals(s)) {
                forms.add(s);
            }
            if (escaped) {
                forms.add(json);
                if (s.matches(".*['\"&<>].*")) {
                    String amp = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                    forms.add(amp.replace("'", "&#39;").replace("\"", "&quot;"));
                    forms.add(amp.replace("'", "&#x27;").replace("\"", "&#34;"));
                    forms.add(amp.replace("'", "&apos;").replace("\"", "&quot;"));
                }
            }
        }
        return forms;
    }

    private static String alternatives(Set<String> values) {
        List<String> alternatives = new ArrayList<>();
        for (String v : values) {
            alternatives.add(v.replaceAll("([^\\p{L}\\p{N}\\s])", "\\\\$1"));
        }
        // longest first, so a full name is replaced before its parts
        alternatives.sort((a, b) -> b.length() - a.length());
        return alternatives.isEmpty() ? null : String.join("|", alternatives);
    }

    private static String ident(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not an identifier: " + name);
        }
        return name;
    }
}

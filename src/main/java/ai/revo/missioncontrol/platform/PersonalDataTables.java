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
 * (case-insensitive). {@link #blank} replaces whole columns (message bodies) of the rows about them.
 */
@Component
public class PersonalDataTables {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<String, List<String[]>> columns = new ConcurrentHashMap<>();

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
            List<String[]> text = columns.computeIfAbsent(spec.table(), this::textColumns);
            if (text.isEmpty()) {
                continue;
            }
            String everywhere = pattern(subject.identifiers());
            if (everywhere != null) {
                replace(subject, spec.table(), text, everywhere, null);
            }
            String names = pattern(subject.names());
            String about = about(spec);
            if (names != null && about != null) {
                replace(subject, spec.table(), text, names, about);
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
        Map<String, String> types = new java.util.HashMap<>();
        columns.computeIfAbsent(spec.table(), this::textColumns).forEach(c -> types.put(c[0], c[1]));
        List<String> sets = new ArrayList<>();
        for (String c : blankColumns) {
            String type = types.get(ident(c));
            if (type == null) {
                throw new IllegalArgumentException(spec.table() + "." + c + " is not a text column");
            }
            sets.add(c + " = case when " + c + " is null then null else "
                    + (type.startsWith("json") ? "to_jsonb(cast(:replacement as text))" : ":replacement") + " end");
        }
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
        List<String[]> text = columns.computeIfAbsent(t, this::textColumns);
        Map<String, String> types = new java.util.HashMap<>();
        text.forEach(c -> types.put(c[0], c[1]));
        List<String> sets = new ArrayList<>();
        List<String> any = new ArrayList<>();
        for (String c : blankColumns) {
            String type = types.get(ident(c));
            sets.add(c + " = case when " + c + " is null then null else "
                    + (type.startsWith("json") ? "to_jsonb(cast(:replacement as text))" : ":replacement") + " end");
        }
        for (String[] c : text) {
            any.add((c[1].startsWith("json") ? c[0] + "::text" : c[0]) + " ~* :pattern");
        }
        jdbc.sql("update " + t + " set " + String.join(", ", sets) + " where tenant_id = :tenant and ("
                        + String.join(" or ", any) + ")")
                .param("replacement", subject.replacement())
                .param("tenant", subject.tenantId())
                .param("pattern", pattern)
                .update();
    }

    private String about(Spec spec) {
        List<String> conditions = new ArrayList<>();
        for (String l : spec.links()) {
            conditions.add(l + "::text = any(string_to_array(:ids, ','))");
        }
        if (spec.mentions()) {
            for (String[] c : columns.computeIfAbsent(spec.table(), this::textColumns)) {
                conditions.add((c[1].startsWith("json") ? c[0] + "::text" : c[0]) + " ~* :idPattern");
            }
        }
        if (spec.addressed()) {
            // rows addressed to or from the person (an e-mail's recipient, a message's sender) are about them
            for (String[] c : columns.computeIfAbsent(spec.table(), this::textColumns)) {
                if (!c[1].startsWith("json")) {
                    conditions.add(c[0] + " ~* :identPattern");
                }
            }
        }
        return conditions.isEmpty() ? null : "(" + String.join(" or ", conditions) + ")";
    }

    private void replace(DataSubject subject, String table, List<String[]> cols, String pattern, String about) {
        StringBuilder set = new StringBuilder();
        StringBuilder any = new StringBuilder();
        for (String[] c : cols) {
            boolean isJson = c[1].startsWith("json");
            String asText = isJson ? c[0] + "::text" : c[0];
            String replaced = "regexp_replace(" + asText + ", :pattern, :replacement, 'gi')";
            if (set.length() > 0) {
                set.append(", ");
                any.append(" or ");
            }
            set.append(c[0]).append(" = ").append(isJson ? "(" + replaced + ")::" + c[1] : replaced);
            any.append(asText).append(" ~* :pattern");
        }
        String sql = "update " + table + " set " + set + " where tenant_id = :tenant and (" + any + ")"
                + (about == null ? "" : " and " + about);
        var statement = jdbc.sql(sql)
                .param("pattern", pattern)
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

    private List<String[]> textColumns(String table) {
        return jdbc.sql("select column_name, data_type from information_schema.columns where table_schema = 'public'"
                        + " and table_name = ? and data_type in ('text', 'character varying', 'jsonb', 'json')"
                        + " order by ordinal_position")
                .param(table)
                .query((rs, n) -> new String[] {ident(rs.getString(1)), rs.getString(2)})
                .list();
    }

    private static String ids(DataSubject subject) {
        return String.join(",", subject.ids().stream().map(UUID::toString).toList());
    }

    private static String identPattern(DataSubject subject) {
        String p = pattern(subject.identifiers());
        // matches nothing when the person has no identifier
        return p == null ? "$^" : p;
    }

    private static String idPattern(DataSubject subject) {
        return String.join("|", subject.ids().stream().map(UUID::toString).toList());
    }

    /** A case-insensitive regular expression matching any of the values literally; null when there is none. */
    public static String pattern(Set<String> values) {
        List<String> alternatives = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.strip().length() >= 2) {
                alternatives.add(v.strip().replaceAll("([^\\p{L}\\p{N}\\s])", "\\\\$1"));
            }
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

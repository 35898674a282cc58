package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.WorkspaceCreated;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prompts as data: each workspace starts with version 1 of every shipped default; an admin's change creates the
 * next version and makes it active, and any older version can be made active again. Exactly one version of a key
 * is active at a time (a partial unique index guards it).
 */
@Service
public class PromptCatalog {

    static final int MAX_TEMPLATE = 20_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PromptCatalog(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Gives a new workspace version 1 of every shipped prompt, inside the transaction that creates it; idempotent. */
    @EventListener
    void seed(WorkspaceCreated created) {
        jdbc.sql("""
                insert into prompts (id, tenant_id, key, version, system_template, template, fallback_template,
                    output_schema, active, notes, created_by)
                select gen_random_uuid(), ?, d.key, 1, d.system_template, d.template, d.fallback_template,
                    d.output_schema, true, 'Shipped default', 'system'
                from prompt_defaults d
                on conflict (tenant_id, key, version) do nothing
                """).params(created.tenantId()).update();
    }

    /** The workspace's prompt keys with their active version, by key. */
    @Transactional(readOnly = true)
    public List<PromptSummary> list(TenantId tenant) {
        return jdbc.sql("""
                select p.key, coalesce(d.description, '') as description,
                    max(case when p.active then p.version end) as active_version, count(*) as versions,
                    bool_or(p.active and p.output_schema is not null) as json, max(p.created_at) as updated_at
                from prompts p left join prompt_defaults d on d.key = p.key
                where p.tenant_id = ?
                group by p.key, d.description order by p.key
                """)
                .params(tenant.value())
                .query((rs, n) -> new PromptSummary(
                        rs.getString("key"),
                        rs.getString("description"),
                        rs.getInt("active_version"),
                        rs.getInt("versions"),
                        rs.getBoolean("json"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** A key with all its versions, newest first; 404 when the workspace has no such prompt. */
    @Transactional(readOnly = true)
    public PromptDetail get(TenantId tenant, String key) {
        List<PromptView> versions = versions(tenant, key);
        if (versions.isEmpty()) {
            throw ApiException.notFound("Prompt", key);
        }
        PromptView active =
                versions.stream().filter(PromptView::active).findFirst().orElse(versions.get(0));
        String description = jdbc.sql("select description from prompt_defaults where key = ?")
                .params(key)
                .query(String.class)
                .optional()
                .orElse("");
        Set<String> variables = new LinkedHashSet<>(MergeTemplate.fields(active.systemTemplate()));
        variables.addAll(MergeTemplate.fields(active.template()));
        variables.addAll(MergeTemplate.fields(active.fallbackTemplate()));
        return new PromptDetail(key, description, active.json(), variables, active, versions);
    }

    /** One version of a key; 404 when absent. */
    @Transactional(readOnly = true)
    public PromptView version(TenantId tenant, String key, int version) {
        return jdbc.sql("select * from prompts where tenant_id = ? and key = ? and version = ?")
                .params(tenant.value(), key, version)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Prompt version", key + " v" + version));
    }

    /** The active version of a key, or empty when the workspace has no such prompt. */
    @Transactional(readOnly = true)
    public Optional<PromptView> active(TenantId tenant, String key) {
        return jdbc.sql("select * from prompts where tenant_id = ? and key = ? and active")
                .params(tenant.value(), key)
                .query(this::view)
                .optional();
    }

    /**
     * Creates the next version of {@code key} from the active one with {@code change} applied and makes it active;
     * emits {@code prompt.updated}. 400 naming the field when a template is blank or too long, a JSON prompt's
     * fallback is not a JSON object or the schema is not usable.
     */
    @Transactional
    public PromptView update(TenantId tenant, String key, PromptChange change, Actor admin) {
        if (change == null
                || (change.systemTemplate() == null
                        && change.template() == null
                        && change.fallbackTemplate() == null
                        && change.outputSchema() == null)) {
            throw ApiException.invalidField(
                    "template", "give at least one of systemTemplate, template, fallbackTemplate, outputSchema");
        }
        PromptView current = lockActive(tenant, key);
        String system = change.systemTemplate() == null
                ? current.systemTemplate()
                : text("systemTemplate", change.systemTemplate(), false);
        String template = change.template() == null ? current.template() : text("template", change.template(), true);
        String fallback = change.fallbackTemplate() == null
                ? current.fallbackTemplate()
                : text("fallbackTemplate", change.fallbackTemplate(), true);
        Map<String, Object> schema = change.outputSchema() == null ? current.outputSchema() : change.outputSchema();
        if (schema != null) {
            String problem = OutputSchema.problem(schema);
            if (problem != null) {
                throw ApiException.invalidField("outputSchema", problem);
            }
            try {
                Map<String, Object> parsed = json.readValue(fallback, MAP);
                if (parsed == null) {
                    throw ApiException.invalidField("fallbackTemplate", "must be a JSON object for a JSON prompt");
                }
            } catch (IOException e) {
                throw ApiException.invalidField(
                        "fallbackTemplate", "must be a JSON object whose string values are merge templates");
            }
        }
        String notes = change.notes() == null || change.notes().isBlank()
                ? null
                : change.notes().trim();
        if (notes != null && notes.length() > 500) {
            throw ApiException.invalidField("notes", "must be at most 500 characters");
        }
        int next = jdbc.sql("select max(version) + 1 from prompts where tenant_id = ? and key = ?")
                .params(tenant.value(), key)
                .query(Integer.class)
                .single();
        Instant now = clock.instant();
        jdbc.sql("update prompts set active = false, updated_at = ? where tenant_id = ? and key = ? and active")
                .params(Timestamp.from(now), tenant.value(), key)
                .update();
        jdbc.sql("""
                insert into prompts (id, tenant_id, key, version, system_template, template, fallback_template,
                    output_schema, active, notes, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), true, ?, ?, ?, ?)
                """)
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        key,
                        next,
                        system,
                        template,
                        fallback,
                        schema == null ? null : write(schema),
                        notes,
                        admin.name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        PromptView created = version(tenant, key, next);
        events.publishEvent(new PromptChanged(
                tenant.value(),
                PromptChanged.UPDATED,
                key,
                current.version(),
                next,
                audit(current),
                audit(created),
                admin));
        return created;
    }

    /** Makes {@code version} of {@code key} the active one (a rollback); emits {@code prompt.activated}. */
    @Transactional
    public PromptView activate(TenantId tenant, String key, Integer version, Actor admin) {
        if (version == null) {
            throw ApiException.invalidField("version", "is required");
        }
        PromptView current = lockActive(tenant, key);
        PromptView target = version(tenant, key, version);
        if (target.active()) {
            return target;
        }
        Instant now = clock.instant();
        jdbc.sql("update prompts set active = false, updated_at = ? where tenant_id = ? and key = ? and active")
                .params(Timestamp.from(now), tenant.value(), key)
                .update();
        jdbc.sql("update prompts set active = true, updated_at = ? where tenant_id = ? and key = ? and version = ?")
                .params(Timestamp.from(now), tenant.value(), key, version)
                .update();
        PromptView activated = version(tenant, key, version);
        events.publishEvent(new PromptChanged(
                tenant.value(),
                PromptChanged.ACTIVATED,
                key,
                current.version(),
                version,
                audit(current),
                audit(activated),
                admin));
        return activated;
    }

    /**
     * Approves (or, with {@code approved} false, withdraws the approval of) one version's fallback template for
     * automatic use: drafts it writes in template mode may then be auto-approved when every check passes. Without
     * this a template draft has no confidence and always waits for a person. Emits
     * {@code prompt.automatic_use.approved} or {@code prompt.automatic_use.withdrawn}. 404 for an unknown version.
     */
    @Transactional
    public PromptView approveForAutomaticUse(
            TenantId tenant, String key, Integer version, boolean approved, Actor admin) {
        if (version == null) {
            throw ApiException.invalidField("version", "is required");
        }
        PromptView before = version(tenant, key, version);
        if (before.approvedForAutomaticUse() == approved) {
            return before;
        }
        Instant now = clock.instant();
        jdbc.sql("update prompts set automatic_use_approved_by = ?, automatic_use_approved_at = ?, updated_at = ? "
                        + "where tenant_id = ? and key = ? and version = ?")
                .params(
                        approved ? admin.name() : null,
                        approved ? Timestamp.from(now) : null,
                        Timestamp.from(now),
                        tenant.value(),
                        key,
                        version)
                .update();
        PromptView after = version(tenant, key, version);
        events.publishEvent(new PromptTemplateApprovalRecorded(tenant.value(), key, version, approved, admin));
        return after;
    }

    /** The line diff between two versions of a key (system message, template, fallback and schema). */
    @Transactional(readOnly = true)
    public PromptDiff diff(TenantId tenant, String key, Integer from, Integer to) {
        if (from == null) {
            throw ApiException.invalidField("from", "is required");
        }
        if (to == null) {
            throw ApiException.invalidField("to", "is required");
        }
        PromptView a = version(tenant, key, from);
        PromptView b = version(tenant, key, to);
        return new PromptDiff(key, from, to, PromptDiff.lines(document(a), document(b)));
    }

    private String document(PromptView p) {
        StringBuilder doc = new StringBuilder();
        doc.append("## System message\n")
                .append(p.systemTemplate() == null ? "" : p.systemTemplate())
                .append('\n');
        doc.append("## Template\n").append(p.template()).append('\n');
        doc.append("## Fallback template\n").append(p.fallbackTemplate()).append('\n');
        doc.append("## Output schema\n");
        if (p.outputSchema() != null) {
            try {
                doc.append(json.writerWithDefaultPrettyPrinter().writeValueAsString(p.outputSchema()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            doc.append("(text prompt)");
        }
        return doc.toString();
    }

    private PromptView lockActive(TenantId tenant, String key) {
        return jdbc.sql("select * from prompts where tenant_id = ? and key = ? and active for update")
                .params(tenant.value(), key)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Prompt", key));
    }

    private List<PromptView> versions(TenantId tenant, String key) {
        return new ArrayList<>(jdbc.sql("select * from prompts where tenant_id = ? and key = ? order by version desc")
                .params(tenant.value(), key)
                .query(this::view)
                .list());
    }

    private static Map<String, Object> audit(PromptView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", p.key());
        m.put("activeVersion", p.version());
        m.put("systemTemplate", p.systemTemplate());
        m.put("template", p.template());
        m.put("fallbackTemplate", p.fallbackTemplate());
        m.put("outputSchema", p.outputSchema());
        m.put("notes", p.notes());
        m.put("automaticUseApprovedBy", p.automaticUseApprovedBy());
        return m;
    }

    private static String text(String field, String value, boolean required) {
        if (required && value.isBlank()) {
            throw ApiException.invalidField(field, "must not be blank");
        }
        if (value.length() > MAX_TEMPLATE) {
            throw ApiException.invalidField(field, "must be at most " + MAX_TEMPLATE + " characters");
        }
        return value.isBlank() ? null : value;
    }

    private PromptView view(ResultSet rs, int row) throws SQLException {
        String schema = rs.getString("output_schema");
        Map<String, Object> parsed;
        try {
            parsed = schema == null ? null : json.readValue(schema, MAP);
        } catch (IOException e) {
            throw new SQLException("Unreadable output schema of prompt " + rs.getString("key"), e);
        }
        return new PromptView(
                rs.getString("key"),
                rs.getInt("version"),
                rs.getString("system_template"),
                rs.getString("template"),
                rs.getString("fallback_template"),
                parsed,
                rs.getBoolean("active"),
                rs.getString("notes"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("automatic_use_approved_by"),
                rs.getTimestamp("automatic_use_approved_at") == null
                        ? null
                        : rs.getTimestamp("automatic_use_approved_at").toInstant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

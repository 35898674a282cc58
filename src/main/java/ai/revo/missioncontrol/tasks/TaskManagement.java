package ai.revo.missioncontrol.tasks;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task board. Every change is written to the task's timeline as the fields it changed, so the task can be
 * replayed step by step from its timeline alone; each change is also published as a {@code task.*} event.
 */
@Service
public class TaskManagement {

    private static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskManagement(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** What a client may set on a task; null fields are left as they are. */
    public record TaskFields(
            String title,
            String description,
            String priority,
            Instant dueAt,
            List<String> labels,
            TaskView.Assignee assignee,
            UUID draftId,
            UUID leadId,
            UUID campaignId) {}

    /**
     * What a change empties: a null field of {@link TaskFields} means leave it as it is, so clearing the assignee or
     * the due date is said here.
     */
    public record Clear(boolean assignee, boolean dueAt) {
        public static final Clear NOTHING = new Clear(false, false);
    }

    /** Creates a task at the end of BACKLOG (or the given column, which must not be DONE). */
    @Transactional
    public TaskView create(TenantId tenant, TaskFields f, BoardColumn column, Actor actor) {
        if (f == null || f.title() == null || f.title().isBlank()) {
            throw ApiException.invalidField("title", "is required");
        }
        BoardColumn col = column == null ? BoardColumn.BACKLOG : column;
        if (col == BoardColumn.DONE) {
            throw ApiException.invalidField("column", "a new task cannot start in DONE");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        lockColumns(tenant, col);
        int position = jdbc.sql(
                        "select coalesce(max(position) + 1, 0) from tasks where tenant_id = ? and board_column = ?")
                .params(tenant.value(), col.name())
                .query(Integer.class)
                .single();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", title(f.title()));
        state.put(
                "description",
                f.description() == null || f.description().isBlank()
                        ? null
                        : limited("description", f.description(), 10_000));
        state.put("column", col.name());
        state.put("position", position);
        state.put("priority", priority(f.priority() == null ? "NORMAL" : f.priority()));
        state.put("dueAt", f.dueAt() == null ? null : f.dueAt().toString());
        state.put("labels", labels(f.labels() == null ? List.of() : f.labels()));
        state.put("assignee", assignee(f.assignee()));
        state.put("draftId", f.draftId() == null ? null : f.draftId().toString());
        state.put("leadId", f.leadId() == null ? null : f.leadId().toString());
        state.put("campaignId", f.campaignId() == null ? null : f.campaignId().toString());
        state.put("progress", null);
        try {
            insertTask(tenant, f, col, id, position, state, now);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // the foreign keys include the tenant: a reference to another workspace's record is as good as none
            String why = String.valueOf(e.getMostSpecificCause().getMessage());
            if (why.contains("tasks_draft_in_workspace_fk")) {
                throw ApiException.notFound("Draft", f.draftId());
            }
            if (why.contains("tasks_lead_in_workspace_fk")) {
                throw ApiException.notFound("Lead", f.leadId());
            }
            if (why.contains("tasks_campaign_in_workspace_fk")) {
                throw ApiException.notFound("Campaign", f.campaignId());
            }
            throw e;
        }
        record(tenant, id, f.campaignId(), "task.created", state, actor, now);
        return get(tenant, id);
    }

    private void insertTask(
            TenantId tenant,
            TaskFields f,
            BoardColumn col,
            UUID id,
            int position,
            Map<String, Object> state,
            Instant now) {
        jdbc.sql("""
                insert into tasks (id, tenant_id, title, description, board_column, position, assignee_type, assignee_id,
                    draft_id, lead_id, campaign_id, priority, due_at, labels, created_at, updated_at)
                values (:id, :tenant, :title, :description, :column, :position, :assigneeType, :assigneeId, :draft,
                    :lead, :campaign, :priority, :due, cast(:labels as jsonb), :now, :now)
                """)
                .param("id", id)
                .param("tenant", tenant.value())
                .param("title", state.get("title"))
                .param("description", state.get("description"))
                .param("column", col.name())
                .param("position", position)
                .param(
                        "assigneeType",
                        f.assignee() == null ? null : f.assignee().type())
                .param("assigneeId", f.assignee() == null ? null : f.assignee().id())
                .param("draft", f.draftId())
                .param("lead", f.leadId())
                .param("campaign", f.campaignId())
                .param("priority", state.get("priority"))
                .param("due", f.dueAt() == null ? null : Timestamp.from(f.dueAt()))
                .param("labels", write(state.get("labels")))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Changes the task's fields (not its column); records only what really changed. */
    @Transactional
    public TaskView change(TenantId tenant, UUID id, TaskFields f, Actor actor) {
        return change(tenant, id, f, null, actor);
    }

    /**
     * Changes the task's fields (not its column), refused with 409 when {@code expectedVersion} is given and the task
     * has changed since (someone else edited or moved it); records only what really changed.
     */
    @Transactional
    public TaskView change(TenantId tenant, UUID id, TaskFields f, Long expectedVersion, Actor actor) {
        return change(tenant, id, f, Clear.NOTHING, expectedVersion, actor);
    }

    /**
     * Changes the task's fields (not its column) and empties what {@code clear} says (the assignee, the due date;
     * a field both set in {@code f} and cleared is cleared), refused with 409 when {@code expectedVersion} is given
     * and the task has changed since; records only what really changed.
     */
    @Transactional
    public TaskView change(TenantId tenant, UUID id, TaskFields f, Clear clear, Long expectedVersion, Actor actor) {
        if (clear.assignee() || clear.dueAt()) {
            f = new TaskFields(
                    f.title(),
                    f.description(),
                    f.priority(),
                    clear.dueAt() ? null : f.dueAt(),
                    f.labels(),
                    clear.assignee() ? null : f.assignee(),
                    f.draftId(),
                    f.leadId(),
                    f.campaignId());
        }
        TaskView current = load(tenant, id);
        requireVersion(current, expectedVersion);
        Map<String, Object> change = new LinkedHashMap<>();
        if (f.title() != null && !title(f.title()).equals(current.title())) {
            change.put("title", title(f.title()));
        }
        if (f.description() != null && !f.description().equals(current.description())) {
            change.put(
                    "description", f.description().isBlank() ? null : limited("description", f.description(), 10_000));
        }
        if (f.priority() != null && !priority(f.priority()).equals(current.priority())) {
            change.put("priority", priority(f.priority()));
        }
        if (f.dueAt() != null && !f.dueAt().equals(current.dueAt())) {
            change.put("dueAt", f.dueAt().toString());
        }
        boolean clearDue = clear.dueAt() && current.dueAt() != null;
        if (clearDue) {
            change.put("dueAt", null);
        }
        if (f.labels() != null && !labels(f.labels()).equals(current.labels())) {
            change.put("labels", labels(f.labels()));
        }
        if (f.assignee() != null && !f.assignee().equals(current.assignee())) {
            change.put("assignee", assignee(f.assignee()));
        }
        boolean clearAssignee = clear.assignee() && current.assignee() != null;
        if (clearAssignee) {
            change.put("assignee", null);
        }
        if (change.isEmpty()) {
            return current;
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update tasks set title = :title, description = :description, priority = :priority, due_at = :due,
                    labels = cast(:labels as jsonb), assignee_type = :assigneeType, assignee_id = :assigneeId,
                    updated_at = :now, version = version + 1
                where tenant_id = :tenant and id = :id and version = :version
                """)
                .param("title", change.getOrDefault("title", current.title()))
                .param(
                        "description",
                        change.containsKey("description") ? change.get("description") : current.description())
                .param("priority", change.getOrDefault("priority", current.priority()))
                .param(
                        "due",
                        f.dueAt() != null
                                ? Timestamp.from(f.dueAt())
                                : clearDue || current.dueAt() == null ? null : Timestamp.from(current.dueAt()))
                .param("labels", write(change.getOrDefault("labels", current.labels())))
                .param(
                        "assigneeType",
                        f.assignee() != null
                                ? f.assignee().type()
                                : clearAssignee || current.assignee() == null
                                        ? null
                                        : current.assignee().type())
                .param(
                        "assigneeId",
                        f.assignee() != null
                                ? f.assignee().id()
                                : clearAssignee || current.assignee() == null
                                        ? null
                                        : current.assignee().id())
                .param("now", Timestamp.from(now))
                .param("tenant", tenant.value())
                .param("id", id)
                .param("version", current.version())
                .update();
        if (updated == 0) {
            throw stale(load(tenant, id));
        }
        record(tenant, id, current.campaignId(), "task.updated", change, actor, now);
        return get(tenant, id);
    }

    /**
     * Moves a task to a column and position. Only someone allowed to finish ({@code mayFinish}, an ADMIN) moves a
     * task into or out of DONE; anyone else gets 403.
     */
    @Transactional
    public TaskView move(
            TenantId tenant, UUID id, BoardColumn column, Integer position, Actor actor, boolean mayFinish) {
        return move(tenant, id, column, position, null, actor, mayFinish);
    }

    /**
     * Moves a task like {@link #move(TenantId, UUID, BoardColumn, Integer, Actor, boolean)}, refused with 409 when
     * {@code expectedVersion} is given and the task changed since. Moves into and out of a column wait for each
     * other (a transaction-scoped lock per workspace and column), so positions stay unique and gap-free; the database
     * refuses two tasks on one position in any case.
     */
    @Transactional
    public TaskView move(
            TenantId tenant,
            UUID id,
            BoardColumn column,
            Integer position,
            Long expectedVersion,
            Actor actor,
            boolean mayFinish) {
        if (column == null) {
            throw ApiException.invalidField("column", "is required");
        }
        BoardColumn from = load(tenant, id).column();
        lockColumns(tenant, from, column);
        TaskView current = load(tenant, id);
        if (current.column() != from) { // moved by someone else while this one waited for the lock
            lockColumns(tenant, current.column());
        }
        requireVersion(current, expectedVersion);
        if ((column == BoardColumn.DONE || current.column() == BoardColumn.DONE)
                && !mayFinish
                && column != current.column()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only an admin moves a task into or out of DONE",
                    Map.of("column", current.column().name()));
        }
        int size = jdbc.sql("select count(*) from tasks where tenant_id = ? and board_column = ? and id <> ?")
                .params(tenant.value(), column.name(), id)
                .query(Integer.class)
                .single();
        int target = position == null ? size : Math.max(0, Math.min(position, size));
        if (column == current.column() && target == current.position()) {
            return current;
        }
        Instant now = clock.instant();
        // close the gap it leaves, then open one where it goes
        jdbc.sql("update tasks set position = position - 1 where tenant_id = ? and board_column = ? and position > ?")
                .params(tenant.value(), current.column().name(), current.position())
                .update();
        jdbc.sql(
                        "update tasks set position = position + 1 where tenant_id = ? and board_column = ? and position >= ? and id <> ?")
                .params(tenant.value(), column.name(), target, id)
                .update();
        int moved = jdbc.sql("update tasks set board_column = ?, position = ?, updated_at = ?, version = version + 1 "
                        + "where tenant_id = ? and id = ? and version = ?")
                .params(column.name(), target, Timestamp.from(now), tenant.value(), id, current.version())
                .update();
        if (moved == 0) { // edited (not moved) meanwhile: edits do not take the column lock
            throw stale(load(tenant, id));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("column", column.name());
        change.put("position", target);
        if (column != current.column()) {
            change.put("from", current.column().name());
        }
        record(tenant, id, current.campaignId(), "task.moved", change, actor, now);
        return get(tenant, id);
    }

    /** Records progress on a task: a message and a percentage from 0 to 100. */
    @Transactional
    public TaskView progress(TenantId tenant, UUID id, String message, Integer percent, Actor actor) {
        TaskView current = load(tenant, id);
        if (message == null || message.isBlank()) {
            throw ApiException.invalidField("message", "is required");
        }
        if (percent != null && (percent < 0 || percent > 100)) {
            throw ApiException.invalidField("percent", "must be between 0 and 100");
        }
        Instant now = clock.instant();
        jdbc.sql("update tasks set progress = coalesce(?, progress), updated_at = ?, version = version + 1 "
                        + "where tenant_id = ? and id = ?")
                .params(percent, Timestamp.from(now), tenant.value(), id)
                .update();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("message", limited("message", message, 2000));
        if (percent != null) {
            change.put("progress", percent);
        }
        record(tenant, id, current.campaignId(), "task.progress", change, actor, now);
        return get(tenant, id);
    }

    /** The task that tracks a draft, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<TaskView> forDraft(TenantId tenant, UUID draftId) {
        return jdbc.sql("select * from tasks where tenant_id = ? and draft_id = ? order by created_at limit 1")
                .params(tenant.value(), draftId)
                .query(this::view)
                .optional();
    }

    /** The task with its timeline, oldest step first; 404 when absent. */
    @Transactional(readOnly = true)
    public TaskView get(TenantId tenant, UUID id) {
        return load(tenant, id).withTimeline(timeline(tenant, id, false));
    }

    /** One page of the board (by column, then position), optionally one column only. */
    @Transactional(readOnly = true)
    public ai.revo.missioncontrol.platform.PageResult<TaskView> page(
            TenantId tenant, BoardColumn column, ai.revo.missioncontrol.platform.PageQuery page) {
        String col = column == null ? null : column.name();
        long total = jdbc.sql("select count(*) from tasks where tenant_id = ? and (cast(? as text) is null "
                        + "or board_column = ?)")
                .params(tenant.value(), col, col)
                .query(Long.class)
                .single();
        List<TaskView> rows = jdbc.sql("select * from tasks where tenant_id = ? and (cast(? as text) is null "
                        + "or board_column = ?) order by case board_column when 'BACKLOG' then 0 when 'DOING' then 1 "
                        + "when 'NEEDS_APPROVAL' then 2 else 3 end, position, id limit ? offset ?")
                .params(tenant.value(), col, col, page.limit(), page.offset())
                .query(this::view)
                .list();
        return ai.revo.missioncontrol.platform.PageResult.of(rows, page, total);
    }

    @Transactional(readOnly = true)
    public List<TaskView> board(TenantId tenant, BoardColumn column) {
        return jdbc.sql("select * from tasks where tenant_id = ? and (cast(? as text) is null or board_column = ?) "
                        + "order by board_column, position, created_at")
                .params(tenant.value(), column == null ? null : column.name(), column == null ? null : column.name())
                .query(this::view)
                .list();
    }

    /** Rebuilds the task step by step from its timeline alone: each step carries the state right after it. */
    @Transactional(readOnly = true)
    public List<TimelineStep> replay(TenantId tenant, UUID id) {
        load(tenant, id);
        return timeline(tenant, id, true);
    }

    private List<TimelineStep> timeline(TenantId tenant, UUID id, boolean withState) {
        List<TimelineStep> raw = jdbc.sql("select * from task_events where tenant_id = ? and task_id = ? order by seq")
                .params(tenant.value(), id)
                .query((rs, n) -> new TimelineStep(
                        rs.getLong("seq"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        new Actor(
                                Actor.Type.valueOf(rs.getString("actor_type")),
                                rs.getString("actor_id"),
                                rs.getString("actor_name")),
                        rs.getString("type"),
                        read(rs.getString("change")),
                        null))
                .list();
        if (!withState) {
            return raw;
        }
        List<TimelineStep> steps = new ArrayList<>();
        Map<String, Object> state = new LinkedHashMap<>();
        for (TimelineStep step : raw) {
            for (Map.Entry<String, Object> e : step.change().entrySet()) {
                if (!e.getKey().equals("from") && !e.getKey().equals("message")) {
                    state.put(e.getKey(), e.getValue());
                }
            }
            steps.add(new TimelineStep(
                    step.seq(),
                    step.timestamp(),
                    step.actor(),
                    step.type(),
                    step.change(),
                    new LinkedHashMap<>(state)));
        }
        return steps;
    }

    /** The stored task in the same shape a replay produces, to compare the two. */
    @Transactional(readOnly = true)
    public Map<String, Object> storedState(TenantId tenant, UUID id) {
        TaskView t = load(tenant, id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", t.title());
        state.put("description", t.description());
        state.put("column", t.column().name());
        state.put("position", t.position());
        state.put("priority", t.priority());
        state.put("dueAt", t.dueAt() == null ? null : t.dueAt().toString());
        state.put("labels", t.labels());
        state.put(
                "assignee",
                t.assignee() == null
                        ? null
                        : Map.of("type", t.assignee().type(), "id", t.assignee().id()));
        state.put("draftId", t.draftId() == null ? null : t.draftId().toString());
        state.put("leadId", t.leadId() == null ? null : t.leadId().toString());
        state.put("campaignId", t.campaignId() == null ? null : t.campaignId().toString());
        state.put("progress", t.progress());
        return state;
    }

    private void record(
            TenantId tenant,
            UUID id,
            UUID campaignId,
            String type,
            Map<String, Object> change,
            Actor actor,
            Instant now) {
        jdbc.sql(
                        "insert into task_events (tenant_id, task_id, type, actor_type, actor_id, actor_name, change, occurred_at) "
                                + "values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
                .params(
                        tenant.value(),
                        id,
                        type,
                        actor.type().name(),
                        actor.id(),
                        actor.name(),
                        write(change),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new TaskChanged(tenant.value(), type, id, campaignId, change, actor));
    }

    /** Waits for other moves into or out of these columns of the workspace to commit (sorted: no deadlock). */
    private void lockColumns(TenantId tenant, BoardColumn... columns) {
        java.util.Arrays.stream(columns)
                .distinct()
                .sorted()
                .forEach(c -> jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                        .param(tenant.value() + ":tasks:" + c.name())
                        .query((rs, n) -> 1)
                        .list());
    }

    private static void requireVersion(TaskView current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw stale(current);
        }
    }

    private static ApiException stale(TaskView now) {
        return new ApiException(
                ErrorCode.CONFLICT,
                "The task was changed since you loaded it; reload the board and try again",
                Map.of("version", now.version(), "column", now.column().name(), "position", now.position()));
    }

    private TaskView load(TenantId tenant, UUID id) {
        return jdbc.sql("select * from tasks where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Task", id));
    }

    private TaskView view(ResultSet rs, int row) throws SQLException {
        String assigneeType = rs.getString("assignee_type");
        return new TaskView(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                BoardColumn.valueOf(rs.getString("board_column")),
                rs.getInt("position"),
                assigneeType == null ? null : new TaskView.Assignee(assigneeType, rs.getString("assignee_id")),
                rs.getObject("draft_id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getString("priority"),
                rs.getTimestamp("due_at") == null
                        ? null
                        : rs.getTimestamp("due_at").toInstant(),
                readList(rs.getString("labels")),
                (Integer) rs.getObject("progress"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                null,
                rs.getLong("version"));
    }

    private static String title(String value) {
        return limited("title", value, 300);
    }

    private static String limited(String field, String value, int max) {
        String v = value.trim();
        if (v.isEmpty() || v.length() > max) {
            throw ApiException.invalidField(field, "must be 1 to " + max + " characters");
        }
        return v;
    }

    private static String priority(String value) {
        String p = value.trim().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(p)) {
            throw ApiException.invalidField("priority", "must be LOW, NORMAL, HIGH or URGENT");
        }
        return p;
    }

    private static List<String> labels(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String l = limited("labels", v == null ? "" : v, 40);
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        if (out.size() > 20) {
            throw ApiException.invalidField("labels", "at most 20");
        }
        return out;
    }

    private static Map<String, Object> assignee(TaskView.Assignee a) {
        if (a == null) {
            return null;
        }
        if (!"USER".equals(a.type()) && !"AGENT".equals(a.type())) {
            throw ApiException.invalidField("assignee.type", "must be USER or AGENT");
        }
        if (a.id() == null || a.id().isBlank() || a.id().length() > 100) {
            throw ApiException.invalidField("assignee.id", "is required");
        }
        return Map.of("type", a.type(), "id", a.id());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readList(String value) {
        try {
            return json.readValue(value, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

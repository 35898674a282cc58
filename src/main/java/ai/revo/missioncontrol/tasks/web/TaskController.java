package ai.revo.missioncontrol.tasks.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import ai.revo.missioncontrol.tasks.TaskView;
import ai.revo.missioncontrol.tasks.TimelineStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class TaskController {

    private final TaskManagement tasks;

    TaskController(TaskManagement tasks) {
        this.tasks = tasks;
    }

    record TaskRequest(
            String title,
            String description,
            BoardColumn column,
            Integer position,
            TaskView.Assignee assignee,
            UUID draftId,
            UUID leadId,
            UUID campaignId,
            String priority,
            Instant dueAt,
            List<String> labels,
            Long version,
            List<String> clear) {
        TaskManagement.TaskFields fields() {
            return new TaskManagement.TaskFields(
                    title, description, priority, dueAt, labels, assignee, draftId, leadId, campaignId);
        }

        /** {@code clear}: the fields to empty, of {@code assignee} and {@code dueAt}; 400 for any other. */
        TaskManagement.Clear clearing() {
            if (clear == null || clear.isEmpty()) {
                return TaskManagement.Clear.NOTHING;
            }
            for (String field : clear) {
                if (!"assignee".equals(field) && !"dueAt".equals(field)) {
                    throw ApiException.invalidField("clear", "may name assignee and dueAt only, not " + field);
                }
            }
            return new TaskManagement.Clear(clear.contains("assignee"), clear.contains("dueAt"));
        }
    }

    record Progress(String message, Integer percent) {}

    record Replay(UUID taskId, List<TimelineStep> steps) {}

    @GetMapping
    @Operation(
            summary = "The board: tasks by column and position, paged",
            description = "Filter: column. page and limit (at most 200) as everywhere.")
    PageResult<TaskView> list(
            CurrentUser user,
            @RequestParam(required = false) BoardColumn column,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return tasks.page(user.tenantId(), column, new PageQuery(page, limit));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a task (at the end of BACKLOG unless a column is given; never DONE)")
    TaskView create(CurrentUser user, @RequestBody TaskRequest r) {
        return tasks.create(user.tenantId(), r.fields(), r.column(), user.actor());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with its timeline")
    TaskView get(CurrentUser user, @PathVariable UUID id) {
        return tasks.get(user.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a task; {column, position} moves it; {clear: [assignee, dueAt]} empties those",
            description = "Only ADMIN moves a task into or out of DONE (403 otherwise); VIEWER changes nothing. "
                    + "With {version} (or If-Match) the change is refused with 409 when the task changed since.")
    TaskView change(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody TaskRequest r,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long expected = r.version() != null ? r.version() : version(ifMatch);
        TaskView view = tasks.change(user.tenantId(), id, r.fields(), r.clearing(), expected, user.actor());
        if (r.column() != null || r.position() != null) {
            view = tasks.move(
                    user.tenantId(),
                    id,
                    r.column() != null ? r.column() : view.column(),
                    r.position(),
                    expected == null ? null : view.version(),
                    user.actor(),
                    user.isAdmin());
        }
        return view;
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "Record progress {message, percent}; emits task.progress")
    TaskView progress(CurrentUser user, @PathVariable UUID id, @RequestBody Progress p) {
        return tasks.progress(user.tenantId(), id, p.message(), p.percent(), user.actor());
    }

    @GetMapping("/{id}/replay")
    @Operation(
            summary = "The task rebuilt step by step from its timeline: {taskId, steps: [{seq, timestamp, actor, "
                    + "type, change, stateAfter}]}")
    Replay replay(CurrentUser user, @PathVariable UUID id) {
        return new Replay(id, tasks.replay(user.tenantId(), id));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ai.revo.missioncontrol.platform.ApiException.invalidField("If-Match", "must be the task's version");
        }
    }
}

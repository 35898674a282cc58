package ai.revo.missioncontrol.tasks.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import ai.revo.missioncontrol.tasks.TaskView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The task board: four columns with drag and drop, a task drawer with the timeline and a replay player. */
@Controller
@RequestMapping("/board")
class BoardPageController {

    private final TaskManagement tasks;
    private final ai.revo.missioncontrol.identity.UserManagement users;
    private final ObjectMapper json;

    BoardPageController(TaskManagement tasks, ai.revo.missioncontrol.identity.UserManagement users, ObjectMapper json) {
        this.tasks = tasks;
        this.users = users;
        this.json = json;
    }

    /**
     * The side panel's form. It shows the task's current values, so what comes back is what the task should be: the
     * assignee {@code NONE} (Nobody) and an empty due date clear them; other blank fields are left as they are.
     */
    record EditForm(
            String title,
            String description,
            String priority,
            java.time.LocalDate due,
            String labels,
            String assignee,
            String agentKey,
            Long version) {
        TaskManagement.TaskFields fields(java.time.ZoneId zone) {
            TaskView.Assignee who = null;
            if (assignee != null && assignee.startsWith("USER:")) {
                who = new TaskView.Assignee("USER", assignee.substring(5));
            } else if ("AGENT".equals(assignee) && agentKey != null && !agentKey.isBlank()) {
                who = new TaskView.Assignee("AGENT", agentKey.trim());
            }
            return new TaskManagement.TaskFields(
                    title == null || title.isBlank() ? null : title,
                    description,
                    priority == null || priority.isBlank() ? null : priority,
                    due == null ? null : due.atTime(17, 0).atZone(zone).toInstant(),
                    labels == null
                            ? null
                            : java.util.Arrays.stream(labels.split(","))
                                    .map(String::trim)
                                    .filter(l -> !l.isEmpty())
                                    .toList(),
                    who,
                    null,
                    null,
                    null);
        }

        TaskManagement.Clear clear() {
            return new TaskManagement.Clear("NONE".equals(assignee), due == null);
        }
    }

    @Bean
    static NavigationItem boardNavigation() {
        return new NavigationItem(NavigationGroup.AUTOMATE, "Board", "/board", "layout-kanban", 200, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("columns", columns(user));
        return "tasks/board";
    }

    @GetMapping("/columns")
    String columnsFragment(CurrentUser user, Model model) {
        model.addAttribute("columns", columns(user));
        return "tasks/board :: columns";
    }

    @PostMapping
    String create(CurrentUser user, @RequestParam(required = false) String title, Model model) {
        tasks.create(
                user.tenantId(),
                new TaskManagement.TaskFields(title, null, null, null, null, null, null, null, null),
                BoardColumn.BACKLOG,
                user.actor());
        return columnsFragment(user, model);
    }

    @PostMapping("/{id}/move")
    String move(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam BoardColumn column,
            @RequestParam int position,
            @RequestParam(required = false) Long version,
            Model model) {
        tasks.move(user.tenantId(), id, column, position, version, user.actor(), user.isAdmin());
        return columnsFragment(user, model);
    }

    @GetMapping("/{id}")
    String drawer(CurrentUser user, @PathVariable UUID id, Model model) throws JsonProcessingException {
        showPanel(user, tasks.get(user.tenantId(), id), model);
        return "tasks/board :: drawer";
    }

    @PostMapping("/{id}/edit")
    String edit(
            CurrentUser user,
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.ModelAttribute EditForm form,
            Model model)
            throws JsonProcessingException {
        TaskView changed = tasks.change(
                user.tenantId(), id, form.fields(java.time.ZoneOffset.UTC), form.clear(), form.version(), user.actor());
        model.addAttribute("saved", true);
        showPanel(user, tasks.get(user.tenantId(), changed.id()), model);
        return "tasks/board :: drawer";
    }

    private void showPanel(CurrentUser user, TaskView task, Model model) throws JsonProcessingException {
        model.addAttribute("task", task);
        model.addAttribute(
                "people",
                users.list(user.tenantId(), new ai.revo.missioncontrol.platform.PageQuery(1, 200))
                        .data());
        model.addAttribute("replayJson", json.writeValueAsString(tasks.replay(user.tenantId(), task.id())));
    }

    private Map<BoardColumn, List<TaskView>> columns(CurrentUser user) {
        Map<BoardColumn, List<TaskView>> columns = new EnumMap<>(BoardColumn.class);
        for (BoardColumn c : BoardColumn.values()) {
            columns.put(c, new java.util.ArrayList<>());
        }
        tasks.board(user.tenantId(), null).forEach(t -> columns.get(t.column()).add(t));
        return columns;
    }
}

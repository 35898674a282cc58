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
    private final ObjectMapper json;

    BoardPageController(TaskManagement tasks, ObjectMapper json) {
        this.tasks = tasks;
        this.json = json;
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
            Model model) {
        tasks.move(user.tenantId(), id, column, position, user.actor(), user.isAdmin());
        return columnsFragment(user, model);
    }

    @GetMapping("/{id}")
    String drawer(CurrentUser user, @PathVariable UUID id, Model model) throws JsonProcessingException {
        model.addAttribute("task", tasks.get(user.tenantId(), id));
        model.addAttribute("replayJson", json.writeValueAsString(tasks.replay(user.tenantId(), id)));
        return "tasks/board :: drawer";
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

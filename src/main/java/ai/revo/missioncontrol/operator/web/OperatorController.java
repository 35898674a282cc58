package ai.revo.missioncontrol.operator.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.OperatorView;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.operator.InstallationSettings;
import ai.revo.missioncontrol.operator.OperatorConsole;
import ai.revo.missioncontrol.operator.WorkspaceRow;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/operator")
@PreAuthorize("hasRole('INSTANCE_OPERATOR')")
@Tag(name = "Instance operator")
class OperatorController {

    private final OperatorConsole console;
    private final InstallationSettings settings;

    OperatorController(OperatorConsole console, InstallationSettings settings) {
        this.console = console;
        this.settings = settings;
    }

    record NameOperator(String email) {}

    @GetMapping("/workspaces")
    @Operation(summary = "Every workspace with its users, volumes and standing (instance operators only)")
    PageResult<WorkspaceRow> workspaces(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        PageQuery query = new PageQuery(page, limit);
        List<WorkspaceRow> rows = console.workspaces(user);
        int from = (int) Math.min(rows.size(), query.offset());
        return PageResult.of(rows.subList(from, Math.min(rows.size(), from + query.limit())), query, rows.size());
    }

    @GetMapping("/workspaces/{id}")
    @Operation(summary = "One workspace")
    WorkspaceRow workspace(CurrentUser user, @PathVariable UUID id) {
        return console.workspace(user, id);
    }

    @PostMapping("/workspaces/{id}/suspend")
    @Operation(summary = "Suspend: its users are signed out at once and nothing it sends leaves")
    WorkspaceRow suspend(CurrentUser user, @PathVariable UUID id) {
        return console.suspend(user, id);
    }

    @PostMapping("/workspaces/{id}/reinstate")
    @Operation(summary = "Lift a suspension")
    WorkspaceRow reinstate(CurrentUser user, @PathVariable UUID id) {
        return console.reinstate(user, id);
    }

    @PostMapping("/workspaces/{id}/approve-outbound")
    @Operation(summary = "Let the workspace send to anyone, within its limits")
    WorkspaceRow approve(CurrentUser user, @PathVariable UUID id) {
        return console.approveOutbound(user, id);
    }

    @PostMapping("/workspaces/{id}/sandbox")
    @Operation(summary = "Back to sending only to the workspace's own users")
    WorkspaceRow sandbox(CurrentUser user, @PathVariable UUID id) {
        return console.sandbox(user, id);
    }

    @PutMapping("/workspaces/{id}/limits")
    @Operation(
            summary = "Set the workspace's own limits",
            description = "hourlySendLimit, dailySendLimit (messages on every channel), llmDailyRequests, "
                    + "llmDailyTokens; null or absent = the installation's default, 0 = none at all.")
    WorkspaceRow limits(CurrentUser user, @PathVariable UUID id, @RequestBody WorkspaceRow.Limits limits) {
        return console.setLimits(user, id, limits);
    }

    @GetMapping("/installation")
    @Operation(summary = "The installation's settings: model endpoint, SMTP relay, sign-up, default limits")
    Map<String, Object> installation(CurrentUser user) {
        console.operators(user); // the same operator check as every other call
        return settings.snapshot();
    }

    @GetMapping("/operators")
    @Operation(summary = "Who operates this installation")
    PageResult<OperatorView> operators(CurrentUser user) {
        List<OperatorView> all = console.operators(user);
        return PageResult.of(all, new PageQuery(1, PageQuery.MAX_LIMIT), all.size());
    }

    @PostMapping("/operators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Name a user (by e-mail) an instance operator")
    OperatorView name(CurrentUser user, @RequestBody NameOperator body) {
        return console.nameOperator(user, body == null ? null : body.email());
    }

    @DeleteMapping("/operators/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an instance operator (never the last one)")
    void remove(CurrentUser user, @PathVariable UserId userId) {
        console.removeOperator(user, userId);
    }
}

package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.identity.UserView;
import ai.revo.missioncontrol.identity.WorkspaceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users")
class MeController {

    private final UserManagement users;

    MeController(UserManagement users) {
        this.users = users;
    }

    record Me(UserView user, WorkspaceView workspace) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who I am and which workspace I am in")
    Me me(CurrentUser user) {
        return new Me(users.get(user.tenantId(), user.id()), users.workspace(user.tenantId()));
    }
}

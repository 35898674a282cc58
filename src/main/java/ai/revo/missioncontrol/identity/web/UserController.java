package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.NewUser;
import ai.revo.missioncontrol.identity.Role;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.identity.UserView;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users")
class UserController {

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    record CreateUserRequest(String email, Role role, String password) {}

    record UpdateUserRequest(Role role, Boolean active) {}

    @GetMapping
    @Operation(
            summary = "List the workspace's users",
            description = "sort: email, role, createdAt (default) or lastLoginAt; order: asc (default) or desc.")
    PageResult<UserView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order) {
        return users.list(
                user.tenantId(),
                new PageQuery(page, limit),
                SortOrder.of(sort, order, UserManagement.SORTABLE, "createdAt", true));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user of the workspace")
    UserView get(CurrentUser user, @PathVariable UserId id) {
        return users.get(user.tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a user; without a password the answer carries a one-time invitation link")
    NewUser create(CurrentUser user, @RequestBody CreateUserRequest request) {
        return users.add(user.tenantId(), user.actor(), request.email(), request.role(), request.password());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a user's role or deactivate them; either signs them out everywhere")
    UserView update(CurrentUser user, @PathVariable UserId id, @RequestBody UpdateUserRequest request) {
        return users.update(
                user.tenantId(),
                id,
                Optional.ofNullable(request.role()),
                Optional.ofNullable(request.active()),
                user.actor());
    }
}

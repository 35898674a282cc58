package ai.revo.missioncontrol.identity;

import java.time.Instant;

/** A user as the API and the pages show them. {@code status} is ACTIVE, INVITED or DEACTIVATED. */
public record UserView(
        UserId id,
        String email,
        String displayName,
        Role role,
        boolean active,
        String status,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt) {

    static UserView of(User user) {
        String status = !user.active() ? "DEACTIVATED" : user.isPendingInvitation() ? "INVITED" : "ACTIVE";
        return new UserView(
                user.id(),
                user.email(),
                user.displayName(),
                user.role(),
                user.active(),
                status,
                user.lastLoginAt(),
                user.createdAt(),
                user.updatedAt());
    }
}

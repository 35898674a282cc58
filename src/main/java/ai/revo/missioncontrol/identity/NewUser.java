package ai.revo.missioncontrol.identity;

/** A user an admin added: with an invitation when no password was given. */
public record NewUser(UserView user, InvitationView invitation) {}

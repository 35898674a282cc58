/**
 * Owns workspaces (tenants), users, roles, sign-in, access and refresh tokens, and invitations; resolves the
 * {@link ai.revo.missioncontrol.identity.CurrentUser} of every request and binds its tenant.
 * Publishes nothing yet; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package ai.revo.missioncontrol.identity;

/**
 * Email sending settings of a workspace: its own SMTP relay (the password sealed at rest, never shown back) and its
 * sender identities (display name, address, reply-to, signature); the "send test email" check through the outbound
 * gateway. Implements {@link ai.revo.missioncontrol.outbound.WorkspaceSmtpRelays}. Publishes
 * {@code email_sending.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Email sending settings",
        allowedDependencies = {"identity", "outbound", "safety", "platform :: secrets"})
package ai.revo.missioncontrol.sending;

/**
 * Owns the notifications: what needs a person (a reply received, a send failing or bouncing, an agent run gone
 * DEAD, drafts waiting past a threshold, a channel that cannot send while drafts for it wait) and who has read
 * which. Listens to {@code email.*} and {@code agent.run.*} events inside their transaction; publishes
 * {@code notification.raised}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"identity", "email", "agents", "drafts", "outbound", "safety"})
package ai.revo.missioncontrol.notifications;

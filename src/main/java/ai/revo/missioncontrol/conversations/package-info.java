/**
 * Owns conversations: one thread per person and campaign with every message in and out on any channel (email
 * today), who has read it, and the inbox of conversations waiting for a person. Publishes {@code conversation.*}
 * events; listens to the email module's {@code ReplyReceived}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Conversations",
        allowedDependencies = {"identity", "contacts", "campaigns", "email", "safety"})
package ai.revo.missioncontrol.conversations;

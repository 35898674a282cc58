/**
 * Owns conversations: one thread per person, campaign and channel (email, WhatsApp) with every message in and out,
 * who has read it, who took it over from the AI, and the inbox of conversations waiting for a person. A person's
 * WhatsApp message is recorded here by the whatsapp module; answers on WhatsApp are queued and go out through the
 * outbound gateway. It keeps what became of the AI's reply to each message (written by the agents module's
 * responder) and each campaign's conversation settings (auto-reply). Publishes {@code conversation.*} events; listens
 * to the email module's {@code ReplyReceived}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Conversations",
        allowedDependencies = {"identity", "contacts", "campaigns", "email", "safety", "outbound", "drafts"})
package ai.revo.missioncontrol.conversations;

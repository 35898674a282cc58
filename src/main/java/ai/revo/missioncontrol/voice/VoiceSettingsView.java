package ai.revo.missioncontrol.voice;

import java.util.List;
import java.util.UUID;

/**
 * A site's voice settings. {@code endpoint} is the path to give Vapi as the server URL; {@code assistantId} the Vapi
 * assistant an {@code assistant-request} is answered with (the caller's context as its variables); {@code tools} the
 * tool names we answer ({@code lookup_contact}, {@code book_callback}); {@code unavailableMessage} what the assistant
 * says when the site is paused or has no assistant set.
 */
public record VoiceSettingsView(
        UUID siteId, String endpoint, String assistantId, List<String> tools, String unavailableMessage) {

    /** What an admin sends; every field optional (null keeps the value, an empty text clears it). */
    public record Change(String assistantId, List<String> tools, String unavailableMessage) {}
}

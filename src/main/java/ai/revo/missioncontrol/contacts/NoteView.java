package ai.revo.missioncontrol.contacts;

import java.time.Instant;
import java.util.UUID;

/** A note a person wrote on a contact. */
public record NoteView(UUID id, UUID contactId, String text, String authorName, Instant createdAt) {}

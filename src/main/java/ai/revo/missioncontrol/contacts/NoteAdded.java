package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code contact.note_added}: a person wrote a note on a contact. */
public record NoteAdded(UUID tenantId, UUID noteId, UUID contactId, String text, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "contact.note_added";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "contact";
    }

    @Override
    public String entityId() {
        return contactId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("noteId", noteId.toString(), "text", text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    @Override
    public Object auditAfter() {
        return Map.of("noteId", noteId.toString(), "contactId", contactId.toString(), "text", text);
    }
}

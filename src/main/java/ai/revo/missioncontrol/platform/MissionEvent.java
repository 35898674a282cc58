package ai.revo.missioncontrol.platform;

import java.util.Map;
import java.util.UUID;

/**
 * The contract every module's domain events implement, so the activity module can record, audit and stream them
 * without knowing who published them. Publish with {@code ApplicationEventPublisher} inside the transaction that
 * changes the state: the event row and the audit row commit with it or not at all.
 */
public interface MissionEvent {

    /** The workspace the event belongs to; must not be null. */
    UUID tenantId();

    /** Dotted, lower-case, e.g. {@code campaign.created} or {@code safety.dry_run.toggled}. */
    String type();

    EventCategory category();

    /** e.g. {@code campaign}, {@code draft}, {@code settings}. */
    String entityType();

    String entityId();

    Actor actor();

    default UUID taskId() {
        return null;
    }

    default UUID campaignId() {
        return null;
    }

    /** What the feed shows about the change. JSON-serialisable values only. */
    default Map<String, Object> payload() {
        return Map.of();
    }

    /** The state before the change, for the audit log; null when there was none. */
    default Object auditBefore() {
        return null;
    }

    /** The state after the change, for the audit log; null when there is none (e.g. removal). */
    default Object auditAfter() {
        return null;
    }
}

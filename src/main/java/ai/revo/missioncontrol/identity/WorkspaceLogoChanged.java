package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** What an admin did to the workspace's logo; each fact is its own record below. */
public sealed interface WorkspaceLogoChanged extends MissionEvent {

    @Override
    default EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    default String entityType() {
        return "workspace";
    }

    @Override
    default String entityId() {
        return tenantId().toString();
    }

    /** {@code workspace.logo_replaced}: a new logo (its type, size in pixels and bytes; never the image itself). */
    record WorkspaceLogoReplaced(UUID tenantId, String contentType, int width, int height, int bytes, Actor actor)
            implements WorkspaceLogoChanged {
        @Override
        public String type() {
            return "workspace.logo_replaced";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("contentType", contentType, "width", width, "height", height, "bytes", bytes);
        }

        @Override
        public Object auditAfter() {
            return payload();
        }
    }

    /** {@code workspace.logo_removed}: the workspace has no logo any more. */
    record WorkspaceLogoRemoved(UUID tenantId, Actor actor) implements WorkspaceLogoChanged {
        @Override
        public String type() {
            return "workspace.logo_removed";
        }

        @Override
        public Object auditBefore() {
            return Map.of("logo", "set");
        }
    }
}

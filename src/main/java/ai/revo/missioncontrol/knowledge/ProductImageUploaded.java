package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code product.image.uploaded}: a picture was stored for a product, replacing any earlier one. */
public record ProductImageUploaded(
        UUID tenantId, UUID productId, String name, String contentType, int sizeBytes, String etag, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "product.image.uploaded";
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "product";
    }

    @Override
    public String entityId() {
        return productId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("contentType", contentType);
        payload.put("sizeBytes", sizeBytes);
        payload.put("sha256", etag);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}

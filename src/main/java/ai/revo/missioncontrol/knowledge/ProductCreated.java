package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code product.created}: a product was added to the catalogue. */
public record ProductCreated(UUID tenantId, UUID productId, String name, String sku, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "product.created";
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
        if (sku != null) {
            payload.put("sku", sku);
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}

package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code outbound.simulated}, {@code outbound.blocked}, {@code outbound.sent} or {@code outbound.failed}. */
public record OutboundDecided(UUID tenantId, OutboundView message, Actor actor) implements MissionEvent {

    static OutboundDecided of(OutboundRecord record, Actor actor) {
        return new OutboundDecided(record.tenantId().value(), record.view(), actor == null ? Actor.system() : actor);
    }

    @Override
    public String type() {
        return switch (message.status()) {
            case SIMULATED -> "outbound.simulated";
            case SENT -> "outbound.sent";
            case FAILED -> "outbound.failed";
            default -> "outbound.blocked";
        };
    }

    @Override
    public EventCategory category() {
        return switch (message.status()) {
            case FAILED -> EventCategory.ERROR;
            case SIMULATED, SENT -> EventCategory.OUTBOUND;
            default -> EventCategory.SAFETY;
        };
    }

    @Override
    public String entityType() {
        return "outbound_message";
    }

    @Override
    public String entityId() {
        return message.id().toString();
    }

    @Override
    public UUID campaignId() {
        return message.campaignId();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("channel", message.channel().name());
        payload.put("to", message.to());
        payload.put("status", message.status().name());
        if (message.reason() != null) {
            payload.put("reason", message.reason());
        }
        if (message.subject() != null) {
            payload.put("subject", message.subject());
        }
        String body = message.body();
        payload.put("preview", body.length() > 160 ? body.substring(0, 160) + "…" : body);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}

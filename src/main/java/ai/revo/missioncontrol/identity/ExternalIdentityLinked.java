package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code user.identity_linked} or {@code user.identity_unlinked}: a sign-in provider's identity was linked to a user
 * (by a sign-in with a verified e-mail) or removed by them. Carries the provider and the e-mail, never a token.
 */
public record ExternalIdentityLinked(
        UUID tenantId, String type, UUID identityId, UUID userId, String provider, String email, Actor actor)
        implements MissionEvent {

    static ExternalIdentityLinked linked(ExternalIdentity identity, Actor actor) {
        return new ExternalIdentityLinked(
                identity.tenantId().value(),
                "user.identity_linked",
                identity.id(),
                identity.userId().value(),
                identity.provider(),
                identity.email(),
                actor);
    }

    static ExternalIdentityLinked unlinked(ExternalIdentity identity, Actor actor) {
        return new ExternalIdentityLinked(
                identity.tenantId().value(),
                "user.identity_unlinked",
                identity.id(),
                identity.userId().value(),
                identity.provider(),
                identity.email(),
                actor);
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "user";
    }

    @Override
    public String entityId() {
        return userId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("identityId", identityId.toString());
        payload.put("provider", provider);
        if (email != null) {
            payload.put("email", email);
        }
        return payload;
    }

    @Override
    public Object auditBefore() {
        return type.endsWith("unlinked") ? payload() : null;
    }

    @Override
    public Object auditAfter() {
        return type.endsWith("unlinked") ? null : payload();
    }
}

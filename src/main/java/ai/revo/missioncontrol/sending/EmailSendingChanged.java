package ai.revo.missioncontrol.sending;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an admin did to the workspace's email sending settings; each fact is its own record. Never carries a
 * password: only whether one is set.
 */
public sealed interface EmailSendingChanged extends MissionEvent {

    @Override
    default EventCategory category() {
        return EventCategory.OUTBOUND;
    }

    private static Map<String, Object> describe(RelayView r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", r.host());
        m.put("port", r.port());
        m.put("username", r.username());
        m.put("password", r.passwordSet() ? "set" : "not set");
        m.put("startTls", r.startTls());
        return m;
    }

    private static Map<String, Object> describe(SenderIdentityView i) {
        if (i == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", i.displayName());
        m.put("address", i.address());
        m.put("replyTo", i.replyTo());
        m.put("signature", i.signature() == null ? "none" : "set");
        m.put("isDefault", i.isDefault());
        return m;
    }

    /** {@code email_sending.relay_configured}: the workspace's emails go through its own SMTP relay from now on. */
    record SmtpRelayConfigured(UUID tenantId, RelayView before, RelayView after, Actor actor)
            implements EmailSendingChanged {
        @Override
        public String type() {
            return "email_sending.relay_configured";
        }

        @Override
        public String entityType() {
            return "smtp_relay";
        }

        @Override
        public String entityId() {
            return tenantId.toString();
        }

        @Override
        public Map<String, Object> payload() {
            return describe(after);
        }

        @Override
        public Object auditBefore() {
            return describe(before);
        }

        @Override
        public Object auditAfter() {
            return describe(after);
        }
    }

    /** {@code email_sending.relay_removed}: the workspace sends through the installation's relay again. */
    record SmtpRelayRemoved(UUID tenantId, RelayView before, Actor actor) implements EmailSendingChanged {
        @Override
        public String type() {
            return "email_sending.relay_removed";
        }

        @Override
        public String entityType() {
            return "smtp_relay";
        }

        @Override
        public String entityId() {
            return tenantId.toString();
        }

        @Override
        public Object auditBefore() {
            return describe(before);
        }
    }

    /** {@code email_sending.identity_added}. */
    record SenderIdentityAdded(UUID tenantId, SenderIdentityView after, Actor actor) implements EmailSendingChanged {
        @Override
        public String type() {
            return "email_sending.identity_added";
        }

        @Override
        public String entityType() {
            return "sender_identity";
        }

        @Override
        public String entityId() {
            return after.id().toString();
        }

        @Override
        public Map<String, Object> payload() {
            return describe(after);
        }

        @Override
        public Object auditAfter() {
            return describe(after);
        }
    }

    /** {@code email_sending.identity_edited}. */
    record SenderIdentityEdited(UUID tenantId, SenderIdentityView before, SenderIdentityView after, Actor actor)
            implements EmailSendingChanged {
        @Override
        public String type() {
            return "email_sending.identity_edited";
        }

        @Override
        public String entityType() {
            return "sender_identity";
        }

        @Override
        public String entityId() {
            return after.id().toString();
        }

        @Override
        public Map<String, Object> payload() {
            return describe(after);
        }

        @Override
        public Object auditBefore() {
            return describe(before);
        }

        @Override
        public Object auditAfter() {
            return describe(after);
        }
    }

    /** {@code email_sending.identity_removed}. */
    record SenderIdentityRemoved(UUID tenantId, SenderIdentityView before, Actor actor) implements EmailSendingChanged {
        @Override
        public String type() {
            return "email_sending.identity_removed";
        }

        @Override
        public String entityType() {
            return "sender_identity";
        }

        @Override
        public String entityId() {
            return before.id().toString();
        }

        @Override
        public Object auditBefore() {
            return describe(before);
        }
    }
}

package ai.revo.missioncontrol.notifications;

/** What a notification is about; the dashboard words each kind from its facts. */
public enum NotificationKind {
    REPLY_RECEIVED,
    SEND_FAILED,
    EMAIL_BOUNCED,
    RUN_DEAD,
    DRAFTS_WAITING,
    CHANNEL_CANNOT_SEND,
    SITE_SILENT,
    SITE_RESUMED,
    WEBHOOK_DISABLED,
    WHATSAPP_ALERT
}

package ai.revo.missioncontrol.activity;

/**
 * One audit entry as the audit page shows it: a one-line description with names in place of ids, the name of the
 * entity changed ({@code entityName}, null when unknown), and the raw entry behind it for the details toggle.
 */
public record AuditRow(AuditEntry entry, String description, String who, String entityName) {}

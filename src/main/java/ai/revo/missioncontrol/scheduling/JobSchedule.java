package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.platform.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a job fires: a five-field Unix cron expression (minute hour day-of-month month day-of-week, e.g.
 * {@code 30 16 * * *}) read in the job's time zone. Daylight-saving switches are the zone rules' business: a job at
 * 09:00 fires at 09:00 local time on both sides of a switch. A local time skipped in spring does not fire that day
 * (Spring's {@link CronExpression} rule); a local time repeated in autumn fires once. Checks itself on construction (400 with a reason).
 */
record JobSchedule(String cron, ZoneId zone) {

    static final String DEFAULT_ZONE = "America/Toronto";

    JobSchedule {
        if (cron == null || cron.isBlank()) {
            throw ApiException.invalidField("cron", "is required, e.g. 30 16 * * *");
        }
        cron = cron.trim().replaceAll("\\s+", " ");
        int fields = cron.split(" ").length;
        if (fields != 5) {
            throw ApiException.invalidField(
                    "cron",
                    "must have five fields (minute hour day-of-month month "
                            + "day-of-week), e.g. 30 16 * * *; this one has " + fields);
        }
        try {
            CronExpression.parse("0 " + cron);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cron", "is not a valid cron expression: " + readable(e.getMessage()));
        }
        if (zone == null) {
            throw ApiException.invalidField("timezone", "is required, e.g. America/Toronto");
        }
    }

    /** Parses both parts; a null or blank zone means the default, America/Toronto. */
    static JobSchedule of(String cron, String zone) {
        return new JobSchedule(cron, zone(zone));
    }

    static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of(DEFAULT_ZONE);
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw ApiException.invalidField(
                    "timezone",
                    "is not a known time zone (use a region id such as " + "America/Toronto or Europe/Paris): " + zone);
        }
    }

    /** The first fire time strictly after {@code after}; null if the expression never fires again. */
    Instant nextAfter(Instant after) {
        CronExpression expression = CronExpression.parse("0 " + cron);
        ZonedDateTime from = after.atZone(zone);
        ZonedDateTime next = expression.next(from);
        // When clocks go back, a fixed-hour job (e.g. 30 1 * * *) would meet its local time twice; like Unix cron,
        // it fires at the first one only. Jobs with a wildcard or stepped hour keep firing through the repeat.
        while (next != null
                && fixedHour()
                && !next.toLocalDateTime().isAfter(from.toLocalDateTime())
                && !next.getOffset().equals(from.getOffset())) {
            next = expression.next(next);
        }
        return next == null ? null : next.toInstant();
    }

    private boolean fixedHour() {
        String hour = cron.split(" ")[1];
        return !hour.contains("*") && !hour.contains("/");
    }

    private static String readable(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Spring names the fields of its six-field form; strip the echoed expression, keep the reason
        int at = message.indexOf(" in cron expression");
        return at > 0 ? message.substring(0, at) : message;
    }
}

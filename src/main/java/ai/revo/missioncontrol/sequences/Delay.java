package ai.revo.missioncontrol.sequences;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** How long a step waits after the previous one (after the enrolment for the first step). */
public record Delay(int amount, DelayUnit unit) {

    public static final int MAX_DAYS = 365;

    public Delay {
        if (unit == null) {
            throw new IllegalArgumentException("a delay needs a unit");
        }
        if (amount < 0 || amount > (unit == DelayUnit.HOURS ? MAX_DAYS * 24 : MAX_DAYS)) {
            throw new IllegalArgumentException("delay out of range: " + amount + " " + unit);
        }
    }

    public static final Delay NONE = new Delay(0, DelayUnit.HOURS);

    /**
     * When the delay ends if it starts at {@code from}; business days are counted in {@code zone} (the recipient's),
     * skipping Saturdays and Sundays, and a start on a weekend counts from the next Monday.
     */
    public Instant after(Instant from, ZoneId zone) {
        return switch (unit) {
            case HOURS -> from.plus(Duration.ofHours(amount));
            case DAYS -> from.atZone(zone).plusDays(amount).toInstant();
            case BUSINESS_DAYS -> {
                ZonedDateTime t = from.atZone(zone);
                int left = amount;
                while (left > 0) {
                    t = t.plusDays(1);
                    if (!weekend(t.getDayOfWeek())) {
                        left--;
                    }
                }
                while (weekend(t.getDayOfWeek())) {
                    t = t.plusDays(1);
                }
                yield t.toInstant();
            }
        };
    }

    private static boolean weekend(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}

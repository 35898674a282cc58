package ai.revo.missioncontrol.email;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A campaign's email settings: the send window (null: any time) and the sender address (null: the default sender).
 */
public record EmailSettings(UUID campaignId, SendWindow sendWindow, String fromEmail) {

    /**
     * Days ({@code MON} ... {@code SUN}) and local times ({@code HH:mm} or {@code HH:mm:ss}, start before end) in the
     * recipient's time zone.
     */
    public record SendWindow(List<String> days, String start, String end) {

        Set<DayOfWeek> dayset() {
            Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
            days.forEach(d -> set.add(day(d)));
            return set;
        }

        /** The first instant at or after {@code now} inside the window, in {@code zone}. */
        public Instant nextOpening(Instant now, ZoneId zone) {
            Set<DayOfWeek> open = dayset();
            LocalTime from = LocalTime.parse(start);
            LocalTime to = LocalTime.parse(end);
            ZonedDateTime local = now.atZone(zone);
            for (int d = 0; d <= 7; d++) {
                var date = local.toLocalDate().plusDays(d);
                if (!open.contains(date.getDayOfWeek())) {
                    continue;
                }
                Instant opens = date.atTime(from).atZone(zone).toInstant();
                Instant closes = date.atTime(to).atZone(zone).toInstant();
                if (now.isBefore(closes)) {
                    return now.isBefore(opens) ? opens : now;
                }
            }
            return now.plusSeconds(3600); // unreachable with at least one day; be safe
        }

        static DayOfWeek day(String name) {
            String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(n)
                        || d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                                .toUpperCase(Locale.ROOT)
                                .equals(n)) {
                    return d;
                }
            }
            throw new IllegalArgumentException(name);
        }

        static String shortName(DayOfWeek d) {
            return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
        }
    }
}

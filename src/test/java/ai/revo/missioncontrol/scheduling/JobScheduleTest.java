package ai.revo.missioncontrol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JobScheduleTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void acceptsFiveFieldUnixCronAndDefaultsToToronto() {
        JobSchedule schedule = JobSchedule.of(" 30  16 * * * ", null);
        assertThat(schedule.cron()).isEqualTo("30 16 * * *");
        assertThat(schedule.zone()).isEqualTo(TORONTO);
        assertThat(JobSchedule.of("*/15 9-17 * * MON-FRI", "Europe/Paris")
                        .zone()
                        .getId())
                .isEqualTo("Europe/Paris");
    }

    @Test
    void rejectsSixFieldCronWithAReadableReason() {
        assertThatThrownBy(() -> JobSchedule.of("0 30 16 * * *", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage())
                            .contains("cron")
                            .contains("five fields")
                            .contains("6");
                });
    }

    @Test
    void rejectsGarbageCron() {
        for (String bad : new String[] {"61 * * * *", "a b c d e", "* 25 * * *", "@daily", "", "* * * *"}) {
            assertThatThrownBy(() -> JobSchedule.of(bad, null))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ApiException.class,
                            e -> assertThat(e.details().toString()).contains("field=cron"));
        }
    }

    @Test
    void rejectsUnknownZone() {
        assertThatThrownBy(() -> JobSchedule.of("0 9 * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.details().toString()).contains("field=timezone"));
    }

    @Test
    void nineOClockInTorontoFollowsTheMarchSwitch() {
        JobSchedule nine = JobSchedule.of("0 9 * * *", "America/Toronto");
        // before the switch (EST, UTC-5)
        assertThat(nine.nextAfter(Instant.parse("2026-03-06T15:00:00Z"))).isEqualTo("2026-03-07T14:00:00Z");
        // 2026-03-08 02:00 clocks go forward: from that day on EDT, UTC-4
        assertThat(nine.nextAfter(Instant.parse("2026-03-07T15:00:00Z"))).isEqualTo("2026-03-08T13:00:00Z");
        assertThat(nine.nextAfter(Instant.parse("2026-03-08T15:00:00Z"))).isEqualTo("2026-03-09T13:00:00Z");
    }

    @Test
    void nineOClockInTorontoFollowsTheNovemberSwitch() {
        JobSchedule nine = JobSchedule.of("0 9 * * *", "America/Toronto");
        // before the switch (EDT, UTC-4)
        assertThat(nine.nextAfter(Instant.parse("2026-10-30T15:00:00Z"))).isEqualTo("2026-10-31T13:00:00Z");
        // 2026-11-01 02:00 clocks go back: from that day on EST, UTC-5
        assertThat(nine.nextAfter(Instant.parse("2026-10-31T15:00:00Z"))).isEqualTo("2026-11-01T14:00:00Z");
        assertThat(nine.nextAfter(Instant.parse("2026-11-01T15:00:00Z"))).isEqualTo("2026-11-02T14:00:00Z");
    }

    @Test
    void aJobInsideTheSkippedHourDoesNotFireOnTheMarchSwitchDay() {
        // 02:30 does not exist in Toronto on 2026-03-08 (Spring's CronExpression skips it, documented); the hour
        // repeated in November fires once, at its first occurrence
        JobSchedule early = JobSchedule.of("30 2 * * *", "America/Toronto");
        assertThat(early.nextAfter(Instant.parse("2026-03-07T12:00:00Z"))).isEqualTo("2026-03-09T06:30:00Z");
        JobSchedule repeated = JobSchedule.of("30 1 * * *", "America/Toronto");
        Instant first = repeated.nextAfter(Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(first).isEqualTo("2026-11-01T05:30:00Z");
        assertThat(repeated.nextAfter(first)).isEqualTo("2026-11-02T06:30:00Z");
    }
}

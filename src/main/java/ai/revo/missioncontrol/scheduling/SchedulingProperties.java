package ai.revo.missioncontrol.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catchUpGrace a fire time missed (e.g. while the application was down) is still run once, as CATCH_UP, when
 *                     it is at most this old; older ones are recorded as SKIPPED
 * @param onTimeTolerance a run that starts at most this late counts as on time (SCHEDULED)
 * @param staleRunAfter at start-up, runs still RUNNING after this long are marked FAILED (their node died)
 */
@ConfigurationProperties(prefix = "mc.scheduler")
record SchedulingProperties(
        @DefaultValue("1h") Duration catchUpGrace,
        @DefaultValue("2m") Duration onTimeTolerance,
        @DefaultValue("6h") Duration staleRunAfter) {}

package ai.revo.missioncontrol.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * In-process periodic work. Event publications whose listener failed (or whose node died mid-delivery) are handed
 * to their listeners again once they are older than the grace period; listeners are idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    SchedulingConfiguration(IncompleteEventPublications incomplete,
            @Value("${mc.events.resubmit-after:5m}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${mc.events.resubmit-every:1m}", initialDelayString = "${mc.events.resubmit-every:1m}")
    void resubmitIncompletePublications() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
        }
    }
}

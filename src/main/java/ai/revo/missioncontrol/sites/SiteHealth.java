package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Site health as the data monitor judges it. */
@Service
public class SiteHealth {

    private final SiteRepository sites;
    private final Clock clock;

    SiteHealth(SiteRepository sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    /** Marks SILENT the workspace's sites overdue by their silentAfter; answers how many. */
    @Transactional
    public int flagSilent(TenantId tenant) {
        int count = 0;
        for (Site site : sites.findOverdue(tenant)) {
            if (site.goSilent(clock.instant())) {
                sites.save(site);
                count++;
            }
        }
        return count;
    }
}

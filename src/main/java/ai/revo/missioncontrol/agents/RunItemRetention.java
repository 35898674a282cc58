package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.RetentionTarget;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The per-lead items of agent runs are kept for {@code mc.retention.agent-run-items}; the runs with their counters stay. */
@Component
class RunItemRetention implements RetentionTarget {

    private final JdbcClient jdbc;
    private final Duration keepFor;

    RunItemRetention(JdbcClient jdbc, @Value("${mc.retention.agent-run-items:90d}") Duration keepFor) {
        this.jdbc = jdbc;
        this.keepFor = keepFor;
    }

    @Override
    public String what() {
        return "agent run items";
    }

    @Override
    public Duration keepFor() {
        return keepFor;
    }

    @Override
    public int purgeOlderThan(Instant cutoff, int limit) {
        Integer n = jdbc.sql("select agents_purge_run_items(?, ?)")
                .params(Timestamp.from(cutoff), limit)
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }
}

package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.RetentionTarget;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Old events leave the feed after {@code mc.retention.events}; an event an audit entry points to stays with it. */
@Component
class EventRetention implements RetentionTarget {

    private final JdbcClient jdbc;
    private final Duration keepFor;

    EventRetention(JdbcClient jdbc, @Value("${mc.retention.events:365d}") Duration keepFor) {
        this.jdbc = jdbc;
        this.keepFor = keepFor;
    }

    @Override
    public String what() {
        return "events";
    }

    @Override
    public Duration keepFor() {
        return keepFor;
    }

    @Override
    public int purgeOlderThan(Instant cutoff, int limit) {
        Integer n = jdbc.sql("select activity_purge_events(?, ?)")
                .params(Timestamp.from(cutoff), limit)
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }
}

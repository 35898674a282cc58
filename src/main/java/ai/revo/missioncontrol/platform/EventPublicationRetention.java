package ai.revo.missioncontrol.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Completed deliveries in Spring Modulith's event publication registry; incomplete ones are never removed. */
@Component
class EventPublicationRetention implements RetentionTarget {

    private final JdbcClient jdbc;
    private final Duration keepFor;

    EventPublicationRetention(JdbcClient jdbc, @Value("${mc.retention.event-publications:7d}") Duration keepFor) {
        this.jdbc = jdbc;
        this.keepFor = keepFor;
    }

    @Override
    public String what() {
        return "completed event publications";
    }

    @Override
    public Duration keepFor() {
        return keepFor;
    }

    @Override
    public int purgeOlderThan(Instant cutoff, int limit) {
        return jdbc.sql("delete from event_publication where id in (select id from event_publication where "
                        + "completion_date is not null and completion_date < ? order by completion_date limit ?)")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }
}

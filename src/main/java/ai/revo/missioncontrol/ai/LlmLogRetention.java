package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.RetentionTarget;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** LLM call logs are kept for {@code mc.retention.llm-logs} (the daily budget looks back 24 hours only). */
@Component
class LlmLogRetention implements RetentionTarget {

    private final JdbcClient jdbc;
    private final Duration keepFor;

    LlmLogRetention(JdbcClient jdbc, @Value("${mc.retention.llm-logs:90d}") Duration keepFor) {
        this.jdbc = jdbc;
        this.keepFor = keepFor;
    }

    @Override
    public String what() {
        return "LLM logs";
    }

    @Override
    public Duration keepFor() {
        return keepFor;
    }

    @Override
    public int purgeOlderThan(Instant cutoff, int limit) {
        Integer n = jdbc.sql("select ai_purge_llm_logs(?, ?)")
                .params(Timestamp.from(cutoff), limit)
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }
}

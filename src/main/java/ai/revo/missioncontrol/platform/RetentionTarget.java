package ai.revo.missioncontrol.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * Something a module keeps only for a while (events, LLM logs, agent run items, ...). The module that owns the rows
 * declares a bean; the daily retention job asks each one to remove what is older than its keep-for, in batches. The
 * audit log is never one: it is append-only, and the database refuses to delete from it.
 */
public interface RetentionTarget {

    /** What is kept, in words for the log ("events", "LLM logs"). */
    String what();

    /** How long a row is kept; zero or negative keeps everything. */
    Duration keepFor();

    /** Removes at most {@code limit} rows older than {@code cutoff}; answers how many it removed. */
    int purgeOlderThan(Instant cutoff, int limit);
}

package ai.revo.missioncontrol.activity;

import java.util.List;

/**
 * A page of the feed: {@code pagination.nextAfter} is the cursor to pass as {@code after} for the next page, null
 * when there is none.
 */
public record FeedPage(List<EventEnvelope> data, Cursor pagination) {

    public record Cursor(int limit, String order, Long nextAfter, boolean hasMore) {}
}

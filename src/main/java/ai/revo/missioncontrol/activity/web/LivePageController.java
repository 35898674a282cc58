package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.FeedRow;
import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/** The live feed page ("The Matrix"), the dashboard's SSE stream, and the compact event list other pages embed. */
@Controller
class LivePageController {

    private final ActivityFeed feed;
    private final AuthManagement auth;

    LivePageController(ActivityFeed feed, AuthManagement auth) {
        this.feed = feed;
        this.auth = auth;
    }

    @Bean
    static NavigationItem liveFeedNavigation() {
        return new NavigationItem(NavigationGroup.WATCH, "Live feed", "/feed", "activity-heartbeat", 10, null);
    }

    @GetMapping("/feed")
    String page(CurrentUser user, EventQuery query, Model model) {
        List<FeedRow> rows = feed.describedFeed(user.tenantId(), query.toFilter(), null, 100, false);
        model.addAttribute("events", rows);
        model.addAttribute("query", query);
        model.addAttribute("categories", EventCategory.values());
        model.addAttribute("liveQuery", liveQuery(query));
        model.addAttribute(
                "liveAfter",
                rows.isEmpty()
                        ? feed.latestSeq(user.tenantId())
                        : rows.get(0).event().seq());
        return "activity/feed";
    }

    /**
     * The events after {@code after} that match, newest first, as rows of the feed: the live page fetches them when
     * the stream says something happened, so live rows carry names and descriptions like the first ones.
     */
    @GetMapping("/feed/rows")
    String rows(CurrentUser user, EventQuery query, @RequestParam long after, Model model) {
        List<FeedRow> rows = new ArrayList<>(feed.describedFeed(user.tenantId(), query.toFilter(), after, 100, true));
        Collections.reverse(rows);
        model.addAttribute("events", rows);
        return "activity/fragments :: event-rows";
    }

    /** A compact list of recent events, for other pages (e.g. the safety panel's history); refreshed by htmx. */
    @GetMapping("/feed/recent")
    String recent(CurrentUser user, EventQuery query, @RequestParam(defaultValue = "10") int limit, Model model) {
        model.addAttribute(
                "events",
                feed.describedFeed(user.tenantId(), query.toFilter(), null, Math.max(1, Math.min(limit, 50)), false));
        return "activity/fragments :: recent-events";
    }

    @GetMapping(value = "/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(
            CurrentUser user,
            EventQuery query,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(value = "lastEventId", required = false) String lastEventIdParam) {
        return LiveStreams.open(
                feed, auth, user, query, lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
    }

    private static String liveQuery(EventQuery q) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "type", q.type());
        add(b, "category", q.category());
        add(b, "entityType", q.entityType());
        add(b, "entityId", q.entityId());
        add(b, "campaignId", q.campaignId());
        add(b, "actor", q.actor());
        String query = b.build().encode().getQuery();
        return query == null ? "" : query;
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.trim());
        }
    }
}

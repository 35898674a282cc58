package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.FeedPage;
import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events")
class EventsController {

    private final ActivityFeed feed;
    private final AuthManagement auth;

    EventsController(ActivityFeed feed, AuthManagement auth) {
        this.feed = feed;
        this.auth = auth;
    }

    @GetMapping("/feed")
    @Operation(
            summary = "The workspace's events, newest first; cursor paging with after=<seq>",
            description = "Filters: type (prefix), category, entityType, entityId, campaignId, taskId, actor (id or "
                    + "USER/AGENT/SYSTEM), since, until. order=asc for oldest first.")
    FeedPage feed(
            CurrentUser user,
            EventQuery query,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String order) {
        boolean ascending = order != null
                && switch (order.toLowerCase(java.util.Locale.ROOT)) {
                    case "asc" -> true;
                    case "desc" -> false;
                    default -> throw ApiException.invalidField("order", "must be asc or desc");
                };
        return feed.feed(
                user.tenantId(),
                query.toFilter(),
                EventQuery.seq("after", after),
                limit == null ? 50 : limit,
                ascending);
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live events as Server-Sent Events; id is the seq",
            description =
                    "With Last-Event-ID (or ?lastEventId=) it first replays what was missed, then continues "
                            + "live with no gap and no duplicate. Same filters as the feed. A comment keeps the connection alive.")
    SseEmitter stream(
            CurrentUser user,
            EventQuery query,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(value = "lastEventId", required = false) String lastEventIdParam) {
        return LiveStreams.open(
                feed, auth, user, query, lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
    }
}

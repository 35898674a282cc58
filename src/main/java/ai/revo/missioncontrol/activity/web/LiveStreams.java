package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.EventFilter;
import ai.revo.missioncontrol.activity.LiveSubscriber;
import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Opens an SSE stream for the API and for the dashboard alike. */
final class LiveStreams {

    private LiveStreams() {}

    /** The check a long-lived stream repeats: the same user, same permissions, and (for tokens) an unexpired token. */
    static BooleanSupplier stillAllowed(AuthManagement auth, CurrentUser user) {
        var credential = auth.credentialOf(SecurityContextHolder.getContext().getAuthentication());
        String tokenId = credential.map(c -> c.tokenId()).orElse(null);
        Instant tokenExpiry = credential.map(c -> c.expiresAt()).orElse(null);
        return () -> auth.isStillAuthorized(user, tokenId, tokenExpiry);
    }

    static SseEmitter open(
            ActivityFeed feed, AuthManagement auth, CurrentUser user, EventQuery query, String lastEventId) {
        EventFilter filter = query.toFilter();
        Long lastSeen = EventQuery.seq("Last-Event-ID", lastEventId);
        SseEmitter emitter = new SseEmitter(0L);
        try {
            // commits the response at once, so clients see the stream open before the first event
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LiveSubscriber subscriber =
                feed.subscribe(user.tenantId(), filter, lastSeen, new SseSink(emitter), stillAllowed(auth, user));
        emitter.onCompletion(() -> subscriber.close("completed"));
        emitter.onTimeout(() -> subscriber.close("timeout"));
        emitter.onError(e -> subscriber.close("error"));
        return emitter;
    }
}

package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.EventEnvelope;
import ai.revo.missioncontrol.activity.LiveSubscriber;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Streams envelopes as JSON text frames. The connection URL takes the feed's filters and {@code lastEventId};
 * afterwards the client narrows or widens its subscription by sending {@code {"subscribe": {"campaignId": "…"}}}.
 * A bad subscribe message is answered with an error frame and changes nothing.
 */
final class EventsWebSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(EventsWebSocketHandler.class);
    private static final String SUBSCRIBER = "subscriber";

    private final ActivityFeed feed;
    private final ai.revo.missioncontrol.identity.AuthManagement auth;
    private final ObjectMapper json;

    EventsWebSocketHandler(ActivityFeed feed, ai.revo.missioncontrol.identity.AuthManagement auth, ObjectMapper json) {
        this.feed = feed;
        this.auth = auth;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        CurrentUser user = (CurrentUser) session.getAttributes().get(WebSocketAuthentication.USER);
        Map<String, String> params = UriComponentsBuilder.fromUri(session.getUri())
                .build()
                .getQueryParams()
                .toSingleValueMap();
        try {
            EventQuery query = query(params);
            Long lastSeen = EventQuery.seq("lastEventId", params.get("lastEventId"));
            String tokenId = (String) session.getAttributes().get(WebSocketAuthentication.TOKEN_ID);
            java.time.Instant expiry =
                    (java.time.Instant) session.getAttributes().get(WebSocketAuthentication.TOKEN_EXPIRY);
            LiveSubscriber subscriber = feed.subscribe(
                    user.tenantId(),
                    query.toFilter(),
                    lastSeen,
                    new Sink(session),
                    () -> auth.isStillAuthorized(user, tokenId, expiry));
            session.getAttributes().put(SUBSCRIBER, subscriber);
        } catch (ApiException e) {
            session.sendMessage(new TextMessage(error(e.getMessage())));
            session.close(CloseStatus.POLICY_VIOLATION.withReason("Bad subscription"));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        LiveSubscriber subscriber = (LiveSubscriber) session.getAttributes().get(SUBSCRIBER);
        try {
            JsonNode node = json.readTree(message.getPayload());
            JsonNode subscribe = node.path("subscribe");
            if (!subscribe.isObject()) {
                throw ApiException.invalidField("subscribe", "must be an object of feed filters");
            }
            EventQuery query = json.treeToValue(subscribe, EventQuery.class);
            subscriber.refilter(query.toFilter());
            synchronized (session) {
                session.sendMessage(new TextMessage("{\"subscribed\":" + json.writeValueAsString(subscribe) + "}"));
            }
        } catch (ApiException e) {
            synchronized (session) {
                session.sendMessage(new TextMessage(error(e.getMessage())));
            }
        } catch (IOException | IllegalArgumentException e) {
            synchronized (session) {
                session.sendMessage(new TextMessage(error("Unreadable message: send {\"subscribe\": {filters}}")));
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveSubscriber subscriber = (LiveSubscriber) session.getAttributes().get(SUBSCRIBER);
        if (subscriber != null) {
            subscriber.close("socket closed " + status.getCode());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("WebSocket transport error: {}", exception.getMessage());
    }

    private String error(String message) throws IOException {
        return json.writeValueAsString(Map.of("error", Map.of("code", "VALIDATION_ERROR", "message", message)));
    }

    private static EventQuery query(Map<String, String> p) {
        return new EventQuery(
                p.get("type"),
                p.get("category"),
                p.get("entityType"),
                p.get("entityId"),
                p.get("campaignId"),
                p.get("taskId"),
                p.get("actor"),
                p.get("since"),
                p.get("until"));
    }

    private final class Sink implements LiveSubscriber.Sink {
        private final WebSocketSession session;

        Sink(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public void send(EventEnvelope event, String text) throws IOException {
            synchronized (session) {
                session.sendMessage(new TextMessage(text));
            }
        }

        @Override
        public void keepAlive() throws IOException {
            synchronized (session) {
                session.sendMessage(new org.springframework.web.socket.PingMessage());
            }
        }

        @Override
        public void close(String reason) {
            try {
                if (session.isOpen()) {
                    session.close(CloseStatus.GOING_AWAY.withReason(reason));
                }
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}

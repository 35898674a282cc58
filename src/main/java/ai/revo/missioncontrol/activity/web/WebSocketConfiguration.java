package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.identity.AuthManagement;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /ws/events}: the live envelopes as JSON text frames. Frames larger than the limit close the socket with
 * 1009 (message too big); the node keeps serving everyone else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    private final ActivityFeed feed;
    private final AuthManagement auth;
    private final ObjectMapper json;

    WebSocketConfiguration(ActivityFeed feed, AuthManagement auth, ObjectMapper json) {
        this.feed = feed;
        this.auth = auth;
        this.json = json;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new EventsWebSocketHandler(feed, auth, json), "/ws/events")
                .addInterceptors(new WebSocketAuthentication(auth));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(@Value("${mc.events.ws-max-frame:16384}") int maxFrame) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(maxFrame);
        container.setMaxBinaryMessageBufferSize(maxFrame);
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }
}

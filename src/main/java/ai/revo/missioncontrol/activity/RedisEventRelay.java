package ai.revo.missioncontrol.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Fans committed events out to every node through Redis pub/sub on {@code mission_control.events}. Publishing runs
 * on its own thread, so a slow or absent Redis never delays a request; while Redis is down each node still serves
 * its own clients (and everyone can catch up from the event log), and the degradation and recovery are logged.
 */
@Component
@Conditional(RedisConfiguredCondition.class)
class RedisEventRelay implements MessageListener, DisposableBean {

    static final String CHANNEL = "mission_control.events";
    private static final Logger log = LoggerFactory.getLogger(RedisEventRelay.class);

    /** What another node needs: whose events were numbered, and up to which seq. */
    record Relayed(String origin, UUID tenantId, long seq) {}

    private final String nodeId = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final LiveEvents live;
    private final RedisMessageListenerContainer container;
    private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), LiveEvents.daemonThreads("redis-relay-"));
    private final AtomicBoolean degraded = new AtomicBoolean();

    RedisEventRelay(RedisConnectionFactory connections, ObjectMapper json, LiveEvents live) {
        this.redis = new StringRedisTemplate(connections);
        this.json = json;
        this.live = live;
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setRecoveryBackoff(new FixedBackOff(2000, FixedBackOff.UNLIMITED_ATTEMPTS));
        container.addMessageListener(this, new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
        try {
            container.start();
        } catch (RuntimeException e) {
            markDegraded(e);
        }
        live.relayTo(this::relay);
        log.info("Live events are relayed to every node through Redis channel {}", CHANNEL);
    }

    private void relay(UUID tenant, long seq) {
        try {
            publisher.execute(() -> publishNow(tenant, seq));
        } catch (RejectedExecutionException full) {
            log.warn(
                    "Redis relay backlog is full; event {} reaches other nodes' clients only through the event log",
                    seq);
        }
    }

    private void publishNow(UUID tenant, long seq) {
        try {
            redis.convertAndSend(CHANNEL, json.writeValueAsString(new Relayed(nodeId, tenant, seq)));
            if (degraded.compareAndSet(true, false)) {
                log.info("Redis is reachable again; live events reach every node");
            }
        } catch (Exception e) {
            markDegraded(e);
        }
    }

    private void markDegraded(Exception e) {
        if (degraded.compareAndSet(false, true)) {
            log.warn(
                    "Redis is unreachable ({}); live events reach only this node's clients until it is back. "
                            + "The event log still has every event.",
                    e.getMessage());
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            Relayed relayed = json.readValue(message.getBody(), Relayed.class);
            if (!nodeId.equals(relayed.origin())) {
                live.signal(relayed.tenantId(), relayed.seq());
            }
        } catch (Exception e) {
            log.warn("Ignoring an unreadable message on {}: {}", CHANNEL, e.getMessage());
        }
    }

    boolean isDegraded() {
        return degraded.get();
    }

    @Override
    public void destroy() throws Exception {
        publisher.shutdown();
        container.destroy();
    }
}

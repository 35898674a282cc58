package ai.revo.missioncontrol.identity;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The API limits: token buckets (a capacity, the burst, refilled at the per-minute rate) held where every node sees
 * them, in Redis when it is configured, else in PostgreSQL (one statement per request). A workspace's API calls (access
 * tokens and API keys) share one budget, each API key has its own as well, the dashboard's own requests have another
 * per workspace and inbound provider webhooks one per kind, so a runaway script cannot lock the team out of the
 * dashboard or stop Meta's webhooks. With Redis down, PostgreSQL holds the buckets until it is back.
 */
@Component
class ApiLimits {

    private static final Logger log = LoggerFactory.getLogger(ApiLimits.class);

    /** One budget: at most {@code burst} requests at once, refilled at {@code perMinute} a minute. */
    record Budget(String name, int burst, int perMinute) {

        double ratePerSecond() {
            return perMinute / 60.0;
        }

        /** Seconds until the bucket holding {@code tokens} has one token again (at least 1). */
        long secondsUntilOne(double tokens) {
            return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond()));
        }

        /** Seconds until the bucket holding {@code tokens} is full again. */
        long secondsUntilFull(double tokens) {
            return Math.max(0, (long) Math.ceil((burst - tokens) / ratePerSecond()));
        }
    }

    /** The outcome of taking a token: allowed or not, and what is left. */
    record Decision(boolean allowed, double tokensLeft, Budget budget) {}

    private static final RedisScript<List> TAKE = RedisScript.of("""
            local cap = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1])
            local at = tonumber(b[2])
            if tokens == nil then tokens = cap; at = now end
            tokens = math.min(cap, tokens + math.max(0, now - at) * rate)
            local allowed = 0
            if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate * 1000) + 60000)
            return {allowed, tostring(tokens)}
            """, List.class);

    final boolean enabled;
    final Budget api;
    final Budget apiKey;
    final Budget dashboard;
    final Budget webhooks;
    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final AtomicLong redisDownUntil = new AtomicLong();

    ApiLimits(
            JdbcClient jdbc,
            ObjectProvider<RedisConnectionFactory> redisConnections,
            Environment env,
            @Value("${mc.api.limits.enabled:true}") boolean enabled,
            @Value("${mc.api.limits.burst:100}") int burst,
            @Value("${mc.api.limits.per-minute:6000}") int perMinute,
            @Value("${mc.api.limits.key-burst:100}") int keyBurst,
            @Value("${mc.api.limits.key-per-minute:6000}") int keyPerMinute,
            @Value("${mc.api.limits.dashboard-burst:200}") int dashboardBurst,
            @Value("${mc.api.limits.dashboard-per-minute:12000}") int dashboardPerMinute,
            @Value("${mc.api.limits.webhook-burst:1000}") int webhookBurst,
            @Value("${mc.api.limits.webhook-per-minute:60000}") int webhookPerMinute) {
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.api = budget("workspace API", burst, perMinute);
        this.apiKey = budget("API key", keyBurst, keyPerMinute);
        this.dashboard = budget("dashboard", dashboardBurst, dashboardPerMinute);
        this.webhooks = budget("webhooks", webhookBurst, webhookPerMinute);
        boolean redisConfigured = StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.host"));
        RedisConnectionFactory connections = redisConfigured ? redisConnections.getIfAvailable() : null;
        this.redis = connections == null ? null : new StringRedisTemplate(connections);
    }

    private static Budget budget(String name, int burst, int perMinute) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("API limit " + name + ": burst and per-minute must be at least 1");
        }
        return new Budget(name, burst, perMinute);
    }

    /** Takes one token from {@code key}'s bucket of {@code budget}. */
    Decision take(String key, Budget budget) {
        if (redis != null && System.currentTimeMillis() >= redisDownUntil.get()) {
            try {
                List<?> answer = redis.execute(
                        TAKE,
                        List.of("mc:api-limit:" + key),
                        Integer.toString(budget.burst()),
                        Double.toString(budget.ratePerSecond()));
                if (answer != null && answer.size() == 2) {
                    return new Decision(
                            ((Number) answer.get(0)).longValue() == 1,
                            Double.parseDouble(String.valueOf(answer.get(1))),
                            budget);
                }
            } catch (RuntimeException e) {
                // held in PostgreSQL meanwhile; Redis is tried again in a few seconds
                redisDownUntil.set(
                        System.currentTimeMillis() + Duration.ofSeconds(5).toMillis());
                log.warn("API limits held in PostgreSQL while Redis does not answer: {}", e.getMessage());
            }
        }
        return jdbc.sql("select allowed, tokens_left from identity_take_api_token(?, ?, ?)")
                .params(key, (double) budget.burst(), budget.ratePerSecond())
                .query((rs, n) -> new Decision(rs.getBoolean(1), rs.getDouble(2), budget))
                .single();
    }
}

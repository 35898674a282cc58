package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stand-in providers for every channel, for the tests only: they record what they are asked to send. A workspace
 * counts as configured only after {@link #configure}; {@link #failFor} makes its sends throw.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingAdapters {

    public static final Set<TenantId> CONFIGURED = ConcurrentHashMap.newKeySet();
    public static final Set<TenantId> FAILING = ConcurrentHashMap.newKeySet();
    /** A workspace whose sends are handed over and never answered (the provider may or may not have them). */
    public static final Set<TenantId> UNANSWERED = ConcurrentHashMap.newKeySet();

    public static final List<Sent> SENT = new CopyOnWriteArrayList<>();
    /** A workspace's sends wait for its latch (at most 30 s): a provider that answers slowly. */
    public static final java.util.Map<TenantId, java.util.concurrent.CountDownLatch> HOLD = new ConcurrentHashMap<>();

    public record Sent(TenantId tenant, OutboundMessage message) {}

    public static void configure(TenantId tenant) {
        CONFIGURED.add(tenant);
    }

    public static void failFor(TenantId tenant) {
        FAILING.add(tenant);
    }

    public static List<Sent> sentFor(TenantId tenant) {
        return SENT.stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    @Bean
    ChannelAdapter recordingEmail() {
        return new Recording(Channel.EMAIL);
    }

    @Bean
    ChannelAdapter recordingWhatsapp() {
        return new Recording(Channel.WHATSAPP);
    }

    @Bean
    ChannelAdapter recordingFacebook() {
        return new Recording(Channel.FACEBOOK);
    }

    @Bean
    ChannelAdapter recordingInstagram() {
        return new Recording(Channel.INSTAGRAM);
    }

    @Bean
    ChannelAdapter recordingLinkedin() {
        return new Recording(Channel.LINKEDIN);
    }

    @Bean
    ChannelAdapter recordingSms() {
        return new Recording(Channel.SMS);
    }

    record Recording(Channel channel) implements ChannelAdapter {
        @Override
        public boolean isConfigured(TenantId tenant) {
            return CONFIGURED.contains(tenant);
        }

        @Override
        public Delivery send(TenantId tenant, OutboundMessage message) throws Exception {
            SENT.add(new Sent(tenant, message));
            java.util.concurrent.CountDownLatch hold = HOLD.get(tenant);
            if (hold != null) {
                hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (UNANSWERED.contains(tenant)) {
                throw new OutcomeUnknown(
                        "handed over, no answer", new java.net.SocketTimeoutException("Read timed out"));
            }
            if (FAILING.contains(tenant)) {
                throw new IllegalStateException("provider rejected the message");
            }
            return new Delivery("msg-" + SENT.size(), "accepted");
        }
    }
}

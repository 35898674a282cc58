package ai.revo.missioncontrol.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Open SMTP sessions kept for reuse, one pool per relay (host, port, login, TLS): a message borrows a connected
 * session, sends over it and gives it back, so a blast pays the TCP, greeting, EHLO, STARTTLS and AUTH once per
 * session instead of once per message. A session idle longer than {@code mc.smtp.pool.max-idle}, or used for
 * {@code mc.smtp.pool.max-messages} messages, is closed; one idle longer than {@code mc.smtp.pool.validate-after}
 * is checked with NOOP first. A session that saw any failure is closed, never given back.
 */
@Component
class SmtpConnections implements DisposableBean {

    /** Which relay a session belongs to; the password only as its hash, so keys can be logged. */
    record RelayKey(String protocol, String host, int port, String username, int password, boolean startTls) {

        static RelayKey of(JavaMailSenderImpl sender, String protocol) {
            return new RelayKey(
                    protocol,
                    sender.getHost(),
                    sender.getPort(),
                    sender.getUsername(),
                    Objects.hashCode(sender.getPassword()),
                    "true".equals(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.enable")));
        }
    }

    /** A connected session of one relay. */
    static final class Session {
        final RelayKey key;
        final Transport transport;
        long lastUsed = System.nanoTime();
        int messages;

        Session(RelayKey key, Transport transport) {
            this.key = key;
            this.transport = transport;
        }
    }

    private final Map<RelayKey, Deque<Session>> idle = new ConcurrentHashMap<>();
    private final int maxIdlePerRelay;
    private final int maxMessages;
    private final long maxIdleNanos;
    private final long validateAfterNanos;

    SmtpConnections(
            @Value("${mc.smtp.pool.max-idle-sessions:16}") int maxIdlePerRelay,
            @Value("${mc.smtp.pool.max-messages:500}") int maxMessages,
            @Value("${mc.smtp.pool.max-idle:20s}") Duration maxIdle,
            @Value("${mc.smtp.pool.validate-after:1s}") Duration validateAfter) {
        this.maxIdlePerRelay = maxIdlePerRelay;
        this.maxMessages = maxMessages;
        this.maxIdleNanos = maxIdle.toNanos();
        this.validateAfterNanos = validateAfter.toNanos();
    }

    /** A connected session to the sender's relay: a pooled one that is still good, else a new one. */
    Session borrow(JavaMailSenderImpl sender, String protocol) throws MessagingException {
        RelayKey key = RelayKey.of(sender, protocol);
        Deque<Session> pool = idle.get(key);
        Session s;
        while (pool != null && (s = pool.pollFirst()) != null) {
            long idleFor = System.nanoTime() - s.lastUsed;
            if (idleFor > maxIdleNanos || s.messages >= maxMessages) {
                close(s);
            } else if (idleFor >= validateAfterNanos && !s.transport.isConnected()) {
                close(s); // isConnected() sends NOOP: the server closed it meanwhile
            } else {
                return s;
            }
        }
        jakarta.mail.Session mail = sender.getSession();
        Transport transport =
                new HandOverAwareTransport(mail, new URLName(protocol, null, -1, null, null, null), protocol);
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return new Session(key, transport);
    }

    /** Gives back a session whose last message went through; it is closed when the pool is full or it is used up. */
    void giveBack(Session s) {
        s.messages++;
        s.lastUsed = System.nanoTime();
        if (s.messages >= maxMessages) {
            close(s);
            return;
        }
        Deque<Session> pool = idle.computeIfAbsent(s.key, k -> new ConcurrentLinkedDeque<>());
        if (pool.size() >= maxIdlePerRelay) {
            close(s);
        } else {
            pool.offerFirst(s);
        }
    }

    /** Closes a session that saw a failure (its state is unknown): it never goes back to the pool. */
    void discard(Session s) {
        close(s);
    }

    private static void close(Session s) {
        try {
            s.transport.close();
        } catch (MessagingException | RuntimeException e) {
            // closing anyway
        }
    }

    @Override
    public void destroy() {
        idle.values().forEach(pool -> {
            Session s;
            while ((s = pool.pollFirst()) != null) {
                close(s);
            }
        });
    }
}

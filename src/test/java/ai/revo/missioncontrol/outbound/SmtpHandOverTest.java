package ai.revo.missioncontrol.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A relay that stops answering: before the end of the message's data nothing can have been queued, so the failure is
 * an ordinary (retryable) one; once the whole message was handed over and the answer never came, the outcome is
 * unknown and must not be retried blindly (it would arrive twice). GreenMail always answers, so this relay is a
 * socket speaking just enough SMTP, which goes silent at the chosen command.
 */
class SmtpHandOverTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private ServerSocket server;

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRelaySilentAfterTheWholeMessageLeavesTheOutcomeUnknown() throws Exception {
        SmtpEmailAdapter adapter = adapter(relaySilentAt("."));
        assertThatThrownBy(() -> adapter.send(TenantId.of(UUID.randomUUID().toString()), message()))
                .isInstanceOf(ChannelAdapter.OutcomeUnknown.class)
                .hasMessageContaining("may or may not have been accepted");
    }

    @Test
    void aRelaySilentBeforeTheDataIsAnOrdinaryFailure() throws Exception {
        SmtpEmailAdapter adapter = adapter(relaySilentAt("RCPT"));
        assertThatThrownBy(() -> adapter.send(TenantId.of(UUID.randomUUID().toString()), message()))
                .isInstanceOf(SmtpEmailAdapter.SmtpDeliveryException.class)
                .isNotInstanceOf(ChannelAdapter.OutcomeUnknown.class)
                .hasMessageContaining("SMTP transient failure (timeout)");
    }

    @Test
    void aRelayThatAnswersDelivers() throws Exception {
        SmtpEmailAdapter adapter = adapter(relaySilentAt("never"));
        ChannelAdapter.Delivery delivery =
                adapter.send(TenantId.of(UUID.randomUUID().toString()), message());
        assertThat(delivery.response()).startsWith("250");
    }

    private static OutboundMessage message() {
        return new OutboundMessage(
                Channel.EMAIL,
                "someone@example.com",
                "Hello",
                "Hello there",
                null,
                null,
                null,
                "k-" + UUID.randomUUID(),
                null,
                new OutboundMessage.EmailParts(
                        "<p>Hello there</p>", Map.of(), "<" + UUID.randomUUID() + "@example.com>", "me@example.com"));
    }

    private static SmtpEmailAdapter adapter(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "1000");
        sender.setJavaMailProperties(props);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        return new SmtpEmailAdapter(
                beans.getBeanProvider(JavaMailSender.class),
                beans.getBeanProvider(WorkspaceSmtpRelays.class),
                "no-reply@example.com",
                new SmtpConnections(4, 500, Duration.ofSeconds(20), Duration.ofSeconds(1)));
    }

    /** Listens on a free port; answers each SMTP command until {@code silentAt} (a command or "." for the data's end). */
    private int relaySilentAt(String silentAt) throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread relay = new Thread(() -> {
            try (Socket s = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                answer(out, "220 relay.test ESMTP");
                boolean data = false;
                String line;
                while ((line = in.readLine()) != null) {
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            if (silentAt.equals(".")) {
                                release.await(10, TimeUnit.SECONDS);
                                return;
                            }
                            answer(out, "250 2.0.0 queued as 1");
                        }
                        continue;
                    }
                    String command = line.split("[ :]")[0].toUpperCase(java.util.Locale.ROOT);
                    if (command.equals(silentAt)) {
                        release.await(10, TimeUnit.SECONDS);
                        return;
                    }
                    switch (command) {
                        case "EHLO", "HELO" -> answer(out, "250 relay.test");
                        case "DATA" -> {
                            answer(out, "354 go ahead");
                            data = true;
                        }
                        case "QUIT" -> {
                            answer(out, "221 bye");
                            return;
                        }
                        default -> answer(out, "250 ok");
                    }
                }
            } catch (Exception e) {
                // the test has finished with it
            }
        });
        relay.setDaemon(true);
        relay.start();
        return server.getLocalPort();
    }

    private static void answer(OutputStream out, String line) throws java.io.IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}

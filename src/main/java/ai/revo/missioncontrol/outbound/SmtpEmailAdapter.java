package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The EMAIL channel over SMTP (Jakarta Mail through Spring's mail support, configured with {@code spring.mail.*}).
 * Always present: a workspace with its own relay ({@link WorkspaceSmtpRelays}) can send even when the installation
 * has no {@code spring.mail.host}; without either, EMAIL is not configured for that workspace. Off only with
 * {@code mc.outbound.smtp.enabled=false} (the tests' stand-in adapters take its place). Builds a multipart/alternative message (text and HTML; inside multipart/mixed with the files when it has
 * attachments) with
 * the Message-ID the email module generated and its extra headers. Failures are thrown as
 * {@link SmtpDeliveryException} whose message starts with {@code SMTP <code>} when the server answered a code, so
 * the email module can tell permanent (5xx) from transient (4xx, connection refused, timeouts) failures. SMTP
 * sessions are reused through {@link SmtpConnections}: one pool per relay (the installation's or a workspace's own).
 */
@Component
@ConditionalOnProperty(prefix = "mc.outbound.smtp", name = "enabled", havingValue = "true", matchIfMissing = true)
class SmtpEmailAdapter implements ChannelAdapter {

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up again for every multipart, body part and part written
     * ({@code FactoryFinder}: a new {@code ServiceLoader} that reads the service file out of every jar on the class
     * path, jakartaee/mail-api#699, #861); in {@code bench/email.sh} that lookup was 16 % of the send workers' CPU
     * samples. Naming the provider class in the system property the finder reads first replaces the scan with a
     * class lookup. Set only when the class is there and nobody set the property.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(STREAM_PROVIDER) == null) {
            try {
                Class.forName(angus, false, SmtpEmailAdapter.class.getClassLoader());
                System.setProperty(STREAM_PROVIDER, angus);
            } catch (ClassNotFoundException | SecurityException e) {
                // another Jakarta Mail implementation: its own lookup stays
            }
        }
    }

    private final ObjectProvider<JavaMailSender> senders;
    private final ObjectProvider<WorkspaceSmtpRelays> relays;
    private final String defaultFrom;
    private final SmtpConnections connections;

    SmtpEmailAdapter(
            ObjectProvider<JavaMailSender> senders,
            ObjectProvider<WorkspaceSmtpRelays> relays,
            @org.springframework.beans.factory.annotation.Value("${mc.email.default-from:no-reply@localhost}")
                    String defaultFrom,
            SmtpConnections connections) {
        this.senders = senders;
        this.relays = relays;
        this.defaultFrom = defaultFrom;
        this.connections = connections;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean isConfigured(TenantId tenant) {
        boolean installation = senders.getIfAvailable() instanceof JavaMailSenderImpl impl
                && impl.getHost() != null
                && !impl.getHost().isBlank();
        if (installation) {
            return true;
        }
        WorkspaceSmtpRelays own = relays.getIfAvailable();
        return own != null && own.relayOf(tenant).isPresent();
    }

    @Override
    public Delivery send(TenantId tenant, OutboundMessage message) throws Exception {
        JavaMailSenderImpl sender = senderFor(tenant);
        OutboundMessage.EmailParts parts = message.email();
        String messageId = parts == null ? null : parts.messageId();
        MimeMessage mime = new FixedIdMessage(sender.getSession(), messageId);
        // every message has a From (RFC 5322): the email module's sender, else the default sender (e.g. the brief)
        mime.setFrom(new InternetAddress(parts != null && parts.from() != null ? parts.from() : defaultFrom, true));
        // exactly one recipient: a comma list would reach addresses the suppression check never saw
        mime.setRecipient(
                MimeMessage.RecipientType.TO, new InternetAddress(message.to().trim(), true));
        mime.setSubject(message.subject() == null ? "" : message.subject(), StandardCharsets.UTF_8.name());
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        if (parts != null && parts.html() != null && !parts.html().isBlank()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(parts.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        if (parts == null || parts.attachments().isEmpty()) {
            mime.setContent(alternative);
        } else {
            // multipart/mixed: the readable body first, then each file
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (OutboundMessage.Attachment a : parts.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
                file.setFileName(jakarta.mail.internet.MimeUtility.encodeText(a.filename(), "UTF-8", null));
                file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            mime.setContent(mixed);
        }
        if (parts != null) {
            for (Map.Entry<String, String> header : parts.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
        }
        mime.saveChanges();
        Address[] recipients = mime.getAllRecipients();
        SmtpConnections.Session session = null;
        try {
            session = connections.borrow(sender, protocol(sender));
            Transport transport = session.transport;
            transport.sendMessage(mime, recipients);
            String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "accepted";
            connections.giveBack(session);
            return new Delivery(mime.getMessageID(), reply == null ? "accepted" : reply.trim());
        } catch (MessagingException | RuntimeException e) {
            if (session != null) {
                connections.discard(session);
            }
            if (e instanceof MessagingException m) {
                SmtpDeliveryException failure = SmtpDeliveryException.of(m, sender.getHost(), sender.getPort());
                if (failure.returnCode() == 0
                        && session != null
                        && session.transport instanceof HandOverAwareTransport t
                        && t.handedOver()) {
                    // the data was complete and no reply came (timeout, reset): the relay may have queued it
                    throw new ChannelAdapter.OutcomeUnknown(
                            "The SMTP server received the whole message but its answer never arrived ("
                                    + failure.getMessage() + "): it may or may not have been accepted",
                            failure);
                }
                throw failure;
            }
            throw e;
        }
    }

    /** The workspace's own relay when it has one (same timeouts as the installation's), else the installation's. */
    private JavaMailSenderImpl senderFor(TenantId tenant) {
        JavaMailSenderImpl installation = (JavaMailSenderImpl) senders.getObject();
        WorkspaceSmtpRelays known = relays.getIfAvailable();
        java.util.Optional<WorkspaceSmtpRelays.SmtpRelay> own =
                known == null ? java.util.Optional.empty() : known.relayOf(tenant);
        if (own.isEmpty()) {
            return installation;
        }
        WorkspaceSmtpRelays.SmtpRelay relay = own.get();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        java.util.Properties props = new java.util.Properties();
        props.putAll(installation.getJavaMailProperties());
        props.put("mail.smtp.starttls.enable", String.valueOf(relay.startTls()));
        props.put(
                "mail.smtp.auth",
                String.valueOf(relay.username() != null && !relay.username().isBlank()));
        sender.setJavaMailProperties(props);
        sender.setHost(relay.host());
        sender.setPort(relay.port());
        sender.setUsername(relay.username());
        sender.setPassword(relay.password());
        return sender;
    }

    private static String protocol(JavaMailSenderImpl sender) {
        return sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of generating one when saved. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }

    /**
     * An SMTP failure: {@code returnCode} is the server's reply code, or 0 when there was none (connection refused,
     * timeout). 5xx codes are permanent; everything else is worth a retry.
     */
    static final class SmtpDeliveryException extends Exception {

        private final int returnCode;

        SmtpDeliveryException(int returnCode, String message, Throwable cause) {
            super(message, cause);
            this.returnCode = returnCode;
        }

        int returnCode() {
            return returnCode;
        }

        boolean permanent() {
            return returnCode >= 500 && returnCode < 600;
        }

        /** The failure, with the installation's SMTP host and port taken out: workspaces never see them. */
        static SmtpDeliveryException of(MessagingException e, String host, int port) {
            int code = codeOf(e);
            String detail = detail(e);
            if (host != null && !host.isBlank()) {
                detail = detail.replace(host + ", " + port, "the SMTP server")
                        .replace(host + ":" + port, "the SMTP server")
                        .replace(host, "the SMTP server");
            }
            if (code > 0) {
                return new SmtpDeliveryException(
                        code,
                        "SMTP " + code + " " + (code >= 500 ? "permanent" : "transient") + " failure: " + detail,
                        e);
            }
            String kind = hasCause(e, ConnectException.class)
                    ? "connection refused"
                    : hasCause(e, SocketTimeoutException.class) ? "timeout" : "no reply code";
            return new SmtpDeliveryException(0, "SMTP transient failure (" + kind + "): " + detail, e);
        }

        private static int codeOf(Throwable e) {
            for (Throwable t = e; t != null; t = next(t)) {
                if (t instanceof SMTPAddressFailedException f) {
                    return f.getReturnCode();
                }
                if (t instanceof SMTPSenderFailedException f) {
                    return f.getReturnCode();
                }
                if (t instanceof SMTPSendFailedException f) {
                    return f.getReturnCode();
                }
            }
            // a reply to the greeting or to EHLO is reported only in the message, e.g. 421 Service not available
            for (Throwable t = e; t != null; t = next(t)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:response|reply):?\\s*\\[?([245]\\d\\d)")
                        .matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            return 0;
        }

        private static String detail(Throwable e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null && text.length() < 400; t = next(t)) {
                if (t.getMessage() != null
                        && !text.toString().contains(t.getMessage().trim())) {
                    if (!text.isEmpty()) {
                        text.append(" / ");
                    }
                    text.append(t.getMessage().trim());
                }
            }
            return text.toString().replaceAll("\\s+", " ");
        }

        private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
            for (Throwable t = e; t != null; t = next(t)) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }

        private static Throwable next(Throwable t) {
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
                return m.getNextException();
            }
            return t.getCause() == t ? null : t.getCause();
        }
    }
}

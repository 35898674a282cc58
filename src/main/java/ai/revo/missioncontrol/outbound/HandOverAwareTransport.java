package ai.revo.missioncontrol.outbound;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP transport that knows whether the last message was handed over: once the end of its data (the lone dot)
 * has been written, the server may have accepted it even if its reply never arrives. A failure before that point
 * is certain (nothing was queued by the server); a failure without a reply code after it is not, and such a
 * message must never be retried blindly (it would arrive twice).
 */
final class HandOverAwareTransport extends SMTPTransport {

    private volatile boolean handedOver;

    HandOverAwareTransport(Session session, URLName url, String protocol) {
        super(session, url, protocol, "smtps".equals(protocol));
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        handedOver = false;
        super.sendMessage(message, addresses);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        handedOver = true;
        super.finishData();
    }

    /** Whether the last message's data was ended, so the server may have it whatever happened next. */
    boolean handedOver() {
        return handedOver;
    }
}

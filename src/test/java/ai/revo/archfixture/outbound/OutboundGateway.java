package ai.revo.archfixture.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Allowed: the mail transport inside outbound. Stands for the real gateway in the transaction rule's fixture. */
public class OutboundGateway {
    public void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }
}

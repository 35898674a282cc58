package ai.revo.archfixture.campaigns;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Violation: the mail transport outside outbound. */
class SendsMailItself {
    void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }
}

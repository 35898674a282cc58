package ai.revo.archfixture.drafts;

import ai.revo.archfixture.ai.LlmGateway;
import ai.revo.archfixture.outbound.OutboundGateway;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.transaction.annotation.Transactional;

/** Violations: slow I/O through the gateways while a transaction is open. The last method is allowed. */
class ApprovesAndSendsInOneTransaction {
    private final OutboundGateway outbound = new OutboundGateway();
    private final LlmGateway llm = new LlmGateway();

    @Transactional
    void approveAndSend(MimeMessage message) throws MessagingException {
        outbound.send(message);
    }

    @Transactional
    String rewriteWhileLocked(String text) {
        return llm.generate(text);
    }

    /** Allowed: no transaction around the model call. */
    String rewrite(String text) {
        return llm.generate(text);
    }
}

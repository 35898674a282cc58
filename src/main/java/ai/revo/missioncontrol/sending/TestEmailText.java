package ai.revo.missioncontrol.sending;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The test email's subject and parts, written in templates: {@code sending/test-email.html} (the HTML part, its
 * title the subject) and {@code sending/test-email-text.html} (the text part, rendered in Thymeleaf's text mode).
 */
@Component
class TestEmailText {

    private final ITemplateEngine templates;

    TestEmailText(ITemplateEngine templates) {
        this.templates = templates;
    }

    record Parts(String subject, String html, String text) {}

    Parts render(SenderIdentityView identity, String from, String via, String to) {
        Context context = new Context();
        context.setVariable("identity", identity);
        context.setVariable("from", from);
        context.setVariable("via", via);
        context.setVariable("to", to);
        String html = templates.process("sending/test-email", context);
        String subject = templates
                .process("sending/test-email", Set.of("subject"), context)
                .replaceAll("<[^>]+>", "")
                .trim();
        String text = templates
                .process(new TemplateSpec("sending/test-email-text", TemplateMode.TEXT), context)
                .trim();
        return new Parts(subject, html, text);
    }
}

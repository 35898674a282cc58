package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The words of revenue's emails, written in templates: {@code revenue/<name>-email.html} (the HTML part, its title
 * the subject) and {@code revenue/<name>-email-text.html} (the text part, in Thymeleaf's text mode).
 */
@Component
class RevenueLetters {

    private final ITemplateEngine templates;
    private final UserManagement users;

    RevenueLetters(ITemplateEngine templates, UserManagement users) {
        this.templates = templates;
        this.users = users;
    }

    RevenueMail.Letter invoice(TenantId tenant, InvoiceView invoice, byte[] pdf) {
        Context context = new Context();
        context.setVariable("invoice", invoice);
        context.setVariable("seller", users.workspace(tenant).name());
        return letter("invoice", context, invoice.number() + ".pdf", pdf);
    }

    RevenueMail.Letter letter(String name, Context context, String filename, byte[] pdf) {
        String html = templates.process("revenue/" + name + "-email", context);
        String subject = templates
                .process("revenue/" + name + "-email", Set.of("subject"), context)
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ")
                .trim();
        String text = templates
                .process(new TemplateSpec("revenue/" + name + "-email-text", TemplateMode.TEXT), context)
                .trim();
        return new RevenueMail.Letter(subject, text, html, filename, pdf);
    }
}

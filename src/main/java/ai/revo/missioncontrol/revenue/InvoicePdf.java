package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.identity.WorkspaceSettings;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an invoice or credit note as PDF with openhtmltopdf, from the {@code revenue/invoice-pdf} template with the
 * workspace's name, logo (PNG or JPEG), address and tax id. Everything is inline: the renderer fetches nothing.
 */
@Component
class InvoicePdf {

    private final ITemplateEngine templates;
    private final UserManagement users;
    private final WorkspaceSettings workspace;
    private final RevenueSettings settings;

    InvoicePdf(ITemplateEngine templates, UserManagement users, WorkspaceSettings workspace, RevenueSettings settings) {
        this.templates = templates;
        this.users = users;
        this.workspace = workspace;
        this.settings = settings;
    }

    byte[] render(TenantId tenant, InvoiceView invoice) {
        Context context = new Context();
        context.setVariable("invoice", invoice);
        context.setVariable("seller", users.workspace(tenant).name());
        context.setVariable("settings", settings.get(tenant));
        context.setVariable(
                "logo",
                workspace
                        .logoImage(tenant)
                        .filter(l -> l.contentType().equals("image/png")
                                || l.contentType().equals("image/jpeg"))
                        .map(l -> "data:" + l.contentType() + ";base64,"
                                + Base64.getEncoder().encodeToString(l.bytes()))
                        .orElse(null));
        return toPdf(templates.process("revenue/invoice-pdf", context));
    }

    /** The workspace's logo as an inline data URL (PNG or JPEG only: what the renderer reads), or null. */
    String logo(TenantId tenant) {
        return workspace
                .logoImage(tenant)
                .filter(l ->
                        l.contentType().equals("image/png") || l.contentType().equals("image/jpeg"))
                .map(l -> "data:" + l.contentType() + ";base64,"
                        + Base64.getEncoder().encodeToString(l.bytes()))
                .orElse(null);
    }

    /** Renders self-contained XHTML to PDF. */
    static byte[] toPdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

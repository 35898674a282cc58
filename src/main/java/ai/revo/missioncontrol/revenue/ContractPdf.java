package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a contract's current version as PDF from {@code revenue/contract-pdf}, with the workspace's letterhead. */
@Component
class ContractPdf {

    private final ITemplateEngine templates;
    private final UserManagement users;
    private final RevenueSettings settings;
    private final InvoicePdf letterhead;

    ContractPdf(ITemplateEngine templates, UserManagement users, RevenueSettings settings, InvoicePdf letterhead) {
        this.templates = templates;
        this.users = users;
        this.settings = settings;
        this.letterhead = letterhead;
    }

    byte[] render(TenantId tenant, ContractView contract) {
        Context context = new Context();
        context.setVariable("contract", contract);
        context.setVariable("paragraphs", contract.body().split("\\R\\s*\\R"));
        context.setVariable("seller", users.workspace(tenant).name());
        context.setVariable("settings", settings.get(tenant));
        context.setVariable("logo", letterhead.logo(tenant));
        return InvoicePdf.toPdf(templates.process("revenue/contract-pdf", context));
    }
}

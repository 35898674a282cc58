package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * Contracts of a deal: drafted on a template with merge fields, revised in versions, reviewed in the approval inbox
 * (its five decisions), emailed with the PDF through the outbound gateway, then signed (with an optional signed
 * copy, and optionally moving the deal to Won), declined or expired. The deal, contact and workspace are read before
 * the short transactions that write; sending runs outside any transaction.
 */
@Service
public class Contracts {

    /** The largest signed copy kept. */
    public static final int MAX_SIGNED_COPY_BYTES = 10 * 1024 * 1024;

    private final ContractSteps steps;
    private final Deals deals;
    private final ContactManagement contacts;
    private final UserManagement users;
    private final RevenueSettings settings;
    private final ContractPdf pdf;
    private final RevenueMail mail;
    private final RevenueLetters letters;
    private final RevenueMessages messages;

    Contracts(
            ContractSteps steps,
            Deals deals,
            ContactManagement contacts,
            UserManagement users,
            RevenueSettings settings,
            ContractPdf pdf,
            RevenueMail mail,
            RevenueLetters letters,
            RevenueMessages messages) {
        this.steps = steps;
        this.deals = deals;
        this.contacts = contacts;
        this.users = users;
        this.settings = settings;
        this.pdf = pdf;
        this.mail = mail;
        this.letters = letters;
        this.messages = messages;
    }

    /** The template used when a contract gives none. */
    public static String defaultTemplate() {
        try {
            return new ClassPathResource("revenue/contract-template.txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drafts a contract for the deal (version 1, DRAFT); title defaults to the deal's name, template to
     * {@link #defaultTemplate()}. 404 for an unknown deal, 400 for an unknown merge field.
     */
    public ContractView create(TenantId tenant, UUID dealId, ContractDraft draft, Actor actor) {
        ContractDraft d = draft == null ? new ContractDraft(null, null, null, null) : draft;
        DealView deal = deals.get(tenant, dealId);
        String template = d.template() == null || d.template().isBlank() ? defaultTemplate() : d.template();
        String body = ContractMerge.merge(template, values(tenant, deal, d.terms()));
        ContractDraft complete = new ContractDraft(
                d.title() == null || d.title().isBlank() ? deal.name() : d.title(), template, d.terms(), d.expiresOn());
        return steps.create(tenant, dealId, complete, template, body, actor).view();
    }

    /** Changes a DRAFT contract; a new version when its merged text changes. 409 once it is in review or later. */
    public ContractView change(TenantId tenant, UUID id, ContractDraft draft, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        Contract current = steps.load(tenant, id);
        DealView deal = deals.get(tenant, current.dealId());
        String terms = draft.terms() != null ? draft.terms() : current.terms();
        Map<String, String> values = values(tenant, deal, terms);
        return steps.revise(tenant, id, draft, t -> ContractMerge.merge(t, values), actor)
                .view();
    }

    /**
     * Puts the DRAFT into the approval inbox (IN_REVIEW). The inbox reviews a campaign's work, so the deal needs a
     * source campaign: 422 without one. 409 when it is not a DRAFT.
     */
    public ContractView submit(TenantId tenant, UUID id, Actor actor) {
        Contract c = steps.load(tenant, id);
        c.requireSubmittable();
        DealView deal = deals.get(tenant, c.dealId());
        if (deal.sourceCampaignId() == null) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "The approval inbox reviews the work of a campaign and this deal has none: set the deal's source"
                            + " campaign first",
                    Map.of("field", "sourceCampaignId"));
        }
        return steps.submit(tenant, id, deal.sourceCampaignId(), actor).view();
    }

    /**
     * Applies a decision of the approval inbox on a contract's draft: approving ones make it APPROVED (an inline
     * edit becomes its new version), request changes and reject send it back to DRAFT with the notes. Empty when no
     * contract waits for that draft (a redelivered decision changes nothing).
     */
    public Optional<ContractView> reviewed(
            TenantId tenant, UUID draftId, String decision, boolean approves, String notes, Actor by) {
        return steps.reviewed(tenant, draftId, decision, approves, notes, by).map(Contract::view);
    }

    /**
     * Emails the APPROVED (or already SENT) contract's PDF to the deal's contact through the outbound gateway; SENT
     * only when the gateway answers SENT (dry run: SIMULATED, nothing left, it stays APPROVED). 409 when not
     * approved, 422 when the contact has no email.
     */
    public ContractSendResult send(TenantId tenant, UUID id, Actor actor) {
        Contract c = steps.load(tenant, id);
        c.requireSendable();
        ContractView v = c.view();
        DealView deal = deals.get(tenant, v.dealId());
        ContactView contact = contacts.get(tenant, deal.contactId());
        if (contact.email() == null) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "The deal's contact has no email to send the contract to",
                    Map.of("field", "contact.email"));
        }
        Context context = new Context();
        context.setVariable("contract", v);
        context.setVariable("contact", contact);
        context.setVariable("seller", users.workspace(tenant).name());
        RevenueMail.Letter letter =
                letters.letter("contract", context, "contract-" + slug(v.title()) + ".pdf", pdf.render(tenant, v));
        RevenueMessageView message =
                mail.send(tenant, "CONTRACT", v.id(), v.dealId(), null, contact.email(), letter, actor);
        ContractView after = message.sent()
                ? steps.sent(tenant, id, message.to(), message.outboundId(), actor)
                        .view()
                : get(tenant, id);
        return new ContractSendResult(after, message);
    }

    /**
     * Marks the SENT contract signed by {@code signedBy} (for the customer) at {@code signedAt} (default now),
     * keeping the uploaded signed copy when given: it must be a PDF (its bytes are sniffed) of at most
     * {@link #MAX_SIGNED_COPY_BYTES}. With {@code moveDealToWon} the deal moves to the first WON stage. 409 when not
     * SENT, 400 for a missing signer or a bad copy.
     */
    public ContractView sign(
            TenantId tenant,
            UUID id,
            String signedBy,
            Instant signedAt,
            String copyName,
            byte[] copy,
            boolean moveDealToWon,
            Actor actor) {
        steps.load(tenant, id).requireSignable();
        if (signedBy == null || signedBy.isBlank()) {
            throw ApiException.invalidField("signedBy", "is required: who signed for the customer");
        }
        String name = null;
        if (copy != null) {
            if (copy.length > MAX_SIGNED_COPY_BYTES) {
                throw ApiException.invalidField("signedCopy", "must be at most 10 MB");
            }
            if (!isPdf(copy)) {
                throw ApiException.invalidField("signedCopy", "must be a PDF");
            }
            name = copyName == null || copyName.isBlank() ? "signed.pdf" : copyName.replaceAll("[^A-Za-z0-9._ -]", "_");
            if (name.length() > 200) {
                name = name.substring(0, 200);
            }
        }
        return steps.sign(tenant, id, signedBy.strip(), signedAt, name, copy, moveDealToWon, actor)
                .view();
    }

    /** The customer declined the SENT contract; 409 otherwise. */
    public ContractView decline(TenantId tenant, UUID id, String reason, Actor actor) {
        return steps.decline(tenant, id, reason, actor).view();
    }

    /** Expires the workspace's SENT contracts past their last day (in its time zone); answers how many. */
    public int expire(TenantId tenant) {
        return steps.expire(tenant, deals.today(tenant));
    }

    public ContractView get(TenantId tenant, UUID id) {
        return steps.load(tenant, id).view();
    }

    /** The deal's contracts, oldest first; 404 for an unknown deal. */
    public List<ContractView> ofDeal(TenantId tenant, UUID dealId) {
        deals.get(tenant, dealId);
        return steps.ofDeal(tenant, dealId);
    }

    /** The contract's current version as PDF. */
    public byte[] pdf(TenantId tenant, UUID id) {
        return pdf.render(tenant, get(tenant, id));
    }

    /** The uploaded signed copy (file name and bytes); empty when none was uploaded. */
    public Optional<Map.Entry<String, byte[]>> signedCopy(TenantId tenant, UUID id) {
        return steps.signedCopy(tenant, id);
    }

    /** The emails sent with the contract, oldest first. */
    public List<RevenueMessageView> messages(TenantId tenant, UUID id) {
        return messages.about(tenant, "CONTRACT", get(tenant, id).id());
    }

    private Map<String, String> values(TenantId tenant, DealView deal, String terms) {
        ContactView contact = contacts.get(tenant, deal.contactId());
        RevenueSettingsView s = settings.get(tenant);
        Map<String, String> v = ContractMerge.values();
        v.put("deal.name", deal.name());
        v.put("deal.amount", deal.amount().toPlainString());
        v.put("deal.listAmount", deal.listAmount().toPlainString());
        v.put("deal.currency", deal.currency());
        v.put(
                "deal.expectedCloseDate",
                deal.expectedCloseDate() == null
                        ? null
                        : deal.expectedCloseDate().toString());
        v.put("contact.name", contact.displayName());
        v.put("contact.firstName", contact.firstName());
        v.put("contact.lastName", contact.lastName());
        v.put("contact.email", contact.email());
        v.put("company.name", deal.companyName() != null ? deal.companyName() : contact.company());
        v.put("workspace.name", users.workspace(tenant).name());
        v.put("workspace.address", s.sellerAddress());
        v.put("workspace.taxId", s.sellerTaxId());
        v.put("terms", terms);
        v.put("date", deals.today(tenant).toString());
        return v;
    }

    private static boolean isPdf(byte[] b) {
        return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
    }

    private static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "contract" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}

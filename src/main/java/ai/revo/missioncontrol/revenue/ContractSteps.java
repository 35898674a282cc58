package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contracts' short transactions. */
@Service
class ContractSteps {

    private final ContractRepository contracts;
    private final DraftManagement drafts;
    private final Deals deals;
    private final PipelineStages stages;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContractSteps(
            ContractRepository contracts,
            DraftManagement drafts,
            Deals deals,
            PipelineStages stages,
            JdbcClient jdbc,
            Clock clock) {
        this.contracts = contracts;
        this.drafts = drafts;
        this.deals = deals;
        this.stages = stages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Contract create(TenantId tenant, UUID dealId, ContractDraft d, String template, String body, Actor actor) {
        return save(Contract.draft(
                tenant, dealId, d.title(), template, d.terms(), d.expiresOn(), body, actor, clock.instant()));
    }

    @Transactional
    public Contract revise(
            TenantId tenant, UUID id, ContractDraft d, java.util.function.UnaryOperator<String> merge, Actor actor) {
        Contract c = load(tenant, id);
        c.revise(d, merge, actor, clock.instant());
        return save(c);
    }

    /**
     * Puts the contract's text into the approval inbox as a draft of the deal's campaign (the inbox reviews a
     * campaign's work) with no lead, so no sender picks it up when it is approved: revenue sends the contract itself.
     */
    @Transactional
    public Contract submit(TenantId tenant, UUID id, UUID campaignId, Actor actor) {
        Contract c = load(tenant, id);
        c.requireSubmittable();
        ContractView v = c.view();
        DraftView draft = drafts.write(
                tenant,
                campaignId,
                null,
                Channel.EMAIL,
                new DraftContent("Contract: " + v.title() + " (version " + v.currentVersion() + ")", v.body(), null),
                Priority.HIGH,
                Map.of(
                        "kind",
                        "contract",
                        "contractId",
                        id.toString(),
                        "dealId",
                        v.dealId().toString()),
                null,
                actor);
        drafts.submit(tenant, draft.id(), null, actor);
        c.submitted(draft.id(), actor, clock.instant());
        return save(c);
    }

    /** Applies the approval inbox's decision on the contract's draft; empty when no contract waits for it. */
    @Transactional
    public Optional<Contract> reviewed(
            TenantId tenant, UUID draftId, String decision, boolean approves, String notes, Actor by) {
        Optional<Contract> found = contracts.findByTenantIdAndReviewDraftId(tenant, draftId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contract c = found.get();
        String edited = null;
        if (approves) {
            // an inline edit by the approver is the text that was approved
            edited = drafts.get(tenant, draftId).bodyText();
        }
        if (!c.reviewed(draftId, decision, approves, notes, edited, by, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(save(c));
    }

    @Transactional
    public Contract sent(TenantId tenant, UUID id, String to, UUID outboundId, Actor actor) {
        Contract c = load(tenant, id);
        c.sent(to, outboundId, actor, clock.instant());
        return save(c);
    }

    /**
     * Marks it signed and keeps the signed copy; with {@code won} the deal moves to the workspace's first WON stage
     * (unless it is already in a WON stage) in the same transaction, so a refused move leaves the contract unsigned.
     */
    @Transactional
    public Contract sign(
            TenantId tenant,
            UUID id,
            String signedBy,
            Instant signedAt,
            String copyName,
            byte[] copy,
            boolean won,
            Actor actor) {
        Contract c = load(tenant, id);
        c.signed(signedBy, signedAt, copyName, actor, clock.instant());
        c = save(c);
        if (copy != null) {
            jdbc.sql("insert into contract_signed_copies (contract_id, tenant_id, filename, content, sha256) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(id, tenant.value(), copyName, copy, sha256(copy))
                    .update();
        }
        if (won) {
            DealView deal = deals.get(tenant, c.dealId());
            if (deal.stage().kind() != StageKind.WON) {
                StageView stage = stages.list(tenant).stream()
                        .filter(s -> s.kind() == StageKind.WON)
                        .findFirst()
                        .orElseThrow(() -> ApiException.conflict("The workspace's pipeline has no WON stage"));
                deals.move(tenant, deal.id(), stage.id(), null, actor);
            }
        }
        return c;
    }

    @Transactional
    public Contract decline(TenantId tenant, UUID id, String reason, Actor actor) {
        Contract c = load(tenant, id);
        c.declined(reason, actor, clock.instant());
        return save(c);
    }

    /** Expires the workspace's SENT contracts whose last day is before {@code today}; answers how many. */
    @Transactional
    public int expire(TenantId tenant, LocalDate today) {
        List<UUID> due = jdbc.sql("select id from contracts where tenant_id = ? and status = 'SENT' "
                        + "and expires_on < ? order by expires_on, id limit 500")
                .params(tenant.value(), today)
                .query(UUID.class)
                .list();
        int n = 0;
        for (UUID id : due) {
            Contract c = load(tenant, id);
            if (c.expireOn(today, clock.instant())) {
                save(c);
                n++;
            }
        }
        return n;
    }

    /** The signed copy's name and bytes, if one was uploaded. */
    @Transactional(readOnly = true)
    public Optional<Map.Entry<String, byte[]>> signedCopy(TenantId tenant, UUID id) {
        load(tenant, id);
        return jdbc.sql("select filename, content from contract_signed_copies where tenant_id = ? and contract_id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    @Transactional(readOnly = true)
    public Contract load(TenantId tenant, UUID id) {
        return contracts.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Contract", id));
    }

    @Transactional(readOnly = true)
    public List<ContractView> ofDeal(TenantId tenant, UUID dealId) {
        return contracts.findByTenantIdAndDealIdOrderByCreatedAt(tenant, dealId).stream()
                .map(Contract::view)
                .toList();
    }

    private Contract save(Contract c) {
        try {
            return contracts.save(c);
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("The contract was changed meanwhile; load it again and retry");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

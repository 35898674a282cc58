/**
 * Owns revenue: the workspace's pipeline stages, deals on them with their stage history, negotiation offers under the
 * discount cap, the sales agent's deal proposals and contracts reviewed in the approval inbox, and invoices with gapless numbers, payments, credit notes and PDFs, emailed through the outbound gateway. Publishes {@code deal.*},
 * {@code invoice.*}, {@code contract.*}, {@code deal_proposal.*} and {@code settings.pipeline_stages.*} events; listens to {@code workspace.created} (default stages) and the approval inbox's decisions (contracts, dunning reminders, deal proposals).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Revenue",
        allowedDependencies = {"identity", "contacts", "outbound", "safety", "drafts"})
package ai.revo.missioncontrol.revenue;

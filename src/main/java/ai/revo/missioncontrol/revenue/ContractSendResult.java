package ai.revo.missioncontrol.revenue;

/** What sending a contract did: the contract now (SENT only when the email left) and the gateway's outcome. */
public record ContractSendResult(ContractView contract, RevenueMessageView message) {}

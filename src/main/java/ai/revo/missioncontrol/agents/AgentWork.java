package ai.revo.missioncontrol.agents;

/**
 * What one agent does in a run. Implementations handle each item in its own short transaction, record every item
 * on the {@link RunContext} (one failing item never stops the others), call the LLM outside transactions, and are
 * safe to run again: work already done is not done twice.
 */
interface AgentWork {

    String agentKey();

    void perform(RunContext run);
}

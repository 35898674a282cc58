package ai.revo.missioncontrol.scheduling;

/**
 * The work a scheduler job performs, supplied by another module (the agents) as a Spring bean. The scheduler finds
 * the bean whose {@link #agentKey()} equals the job's agent and calls {@link #perform} outside any transaction.
 */
public interface JobWork {

    /** The agent this work belongs to, e.g. {@code lead_researcher}. */
    String agentKey();

    /**
     * Performs one run. Must not throw for a single bad item (record it and go on); an exception means the whole run
     * failed and is recorded as FAILED with its message.
     */
    JobOutcome perform(JobInvocation invocation);
}

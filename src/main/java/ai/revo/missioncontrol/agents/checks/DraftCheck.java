package ai.revo.missioncontrol.agents.checks;

/** One deterministic rule over a generated message. Implementations are stateless and fast. */
public interface DraftCheck {

    String name();

    CheckResult check(CheckInput input);

    /** Whether the rule has anything to say about this message; a rule that does not apply is not shown. */
    default boolean appliesTo(CheckInput input) {
        return true;
    }
}

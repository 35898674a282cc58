package ai.revo.missioncontrol.agents.checks;

/** One deterministic rule over a generated message. Implementations are stateless and fast. */
public interface DraftCheck {

    String name();

    CheckResult check(CheckInput input);
}

package ai.revo.missioncontrol.agents.checks;

/** The verdict of one rule: its name, whether it passed, and a readable detail either way. */
public record CheckResult(String name, boolean passed, String detail) {

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    public static CheckResult fail(String name, String detail) {
        return new CheckResult(name, false, detail);
    }
}

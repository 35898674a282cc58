package ai.revo.missioncontrol.ai;

/** Lets tests of other packages close the gateway's circuit breaker between scenarios. */
public final class LlmTestAccess {

    private LlmTestAccess() {}

    public static void resetCircuit(LlmGateway gateway) {
        gateway.resetCircuit();
    }
}

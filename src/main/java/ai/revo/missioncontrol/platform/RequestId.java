package ai.revo.missioncontrol.platform;

import org.slf4j.MDC;

/** The id of the request being served, also present in every log line written while serving it. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String CLIENT_ADDRESS_MDC_KEY = "clientAddress";

    private RequestId() {}

    /** Returns the current request id, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}

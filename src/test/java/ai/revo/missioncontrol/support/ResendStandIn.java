package ai.revo.missioncontrol.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A WireMock stand-in for Resend's API, shared by every test context (started on first use): each test stubs the
 * received emails it needs under ids of its own, so tests never see each other's stubs.
 */
public final class ResendStandIn {

    private static WireMockServer server;

    private ResendStandIn() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
        }
        return server;
    }

    public static String baseUrl() {
        return server().baseUrl();
    }
}

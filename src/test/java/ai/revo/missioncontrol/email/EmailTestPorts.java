package ai.revo.missioncontrol.email;

/** A free loopback port for test SMTP servers outside this package. */
public final class EmailTestPorts {

    private EmailTestPorts() {}

    public static int free() {
        return EmailIntegrationTest.freePort();
    }
}

package ai.revo.missioncontrol.support;

/**
 * The data directory (generated installation secrets) of the applications a test JVM starts: one per Surefire fork
 * ({@code mc.data-dir} set by the build as {@code target/test-data-<fork number>}), so forks running side by side
 * never race to create the same secret files.
 */
public final class TestDataDir {

    private TestDataDir() {}

    public static String path() {
        return System.getProperty("mc.data-dir", "target/test-data");
    }

    /** The command-line argument for an application started with {@code SpringApplication}. */
    public static String argument() {
        return "--mc.data-dir=" + path();
    }
}

package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated tracking secret is written readable by its owner only. */
class TrackingSecretFileTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedTrackingSecretIsOwnerOnly() throws Exception {
        new TrackingTokens("", "", dataDir);
        Path file = dataDir.resolve("tracking-secret");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}

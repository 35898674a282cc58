package ai.revo.missioncontrol.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY = "a-passphrase-of-at-least-thirty-two-characters";

    @TempDir
    Path dir;

    @Test
    void opensWhatItSealedForTheSameContextOnly() {
        SecretCipher cipher = new SecretCipher(KEY, "", dir);
        String sealed = cipher.seal("EAAG-token-1234", "whatsapp.token:tenant-a");

        assertThat(sealed).startsWith("v1:").doesNotContain("EAAG");
        assertThat(cipher.open(sealed, "whatsapp.token:tenant-a")).isEqualTo("EAAG-token-1234");
        assertThatThrownBy(() -> cipher.open(sealed, "whatsapp.token:tenant-b")).isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void refusesAnAlteredValue() {
        SecretCipher cipher = new SecretCipher(KEY, "", dir);
        String sealed = cipher.seal("secret", "ctx");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> cipher.open(altered, "ctx")).isInstanceOf(SecretUnreadable.class);
        assertThatThrownBy(() -> cipher.open("plain", "ctx")).isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void aRotatedKeyStillOpensOlderValuesFromThePreviousList() {
        String oldSealed = new SecretCipher(KEY, "", dir).seal("secret", "ctx");
        SecretCipher rotated = new SecretCipher("another-passphrase-of-thirty-two-characters!", KEY, dir);

        assertThat(rotated.open(oldSealed, "ctx")).isEqualTo("secret");
        assertThat(rotated.isCurrent(oldSealed)).isFalse();
        assertThat(rotated.isCurrent(rotated.seal("secret", "ctx"))).isTrue();
        assertThatThrownBy(() -> new SecretCipher("another-passphrase-of-thirty-two-characters!", "", dir)
                        .open(oldSealed, "ctx"))
                .isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void generatesOneOwnerOnlyKeyFileWhenNoneIsConfigured() throws Exception {
        String sealed = new SecretCipher("", "", dir).seal("secret", "ctx");

        Path file = dir.resolve("secrets-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new SecretCipher("", "", dir).open(sealed, "ctx")).isEqualTo("secret");
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new SecretCipher("short", "", dir)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void showsOnlyTheLastFourCharacters() {
        assertThat(SecretCipher.lastFour("EAAGabcd1234")).isEqualTo("1234");
        assertThat(SecretCipher.lastFour("abc")).isEqualTo("****");
        assertThat(SecretCipher.lastFour(null)).isEmpty();
    }
}

package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ApiException;
import java.nio.charset.StandardCharsets;

/** At least 10 characters; at most 72 bytes, the most bcrypt reads. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    static String check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.invalidField(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.invalidField(field, "must be at most " + MAX_BYTES + " bytes");
        }
        if (password.isBlank()) {
            throw ApiException.invalidField(field, "must not be blank");
        }
        return password;
    }
}

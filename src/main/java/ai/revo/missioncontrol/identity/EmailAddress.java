package ai.revo.missioncontrol.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** A normalised (trimmed, lower-case) e-mail address. */
public record EmailAddress(String value) {

    private static final Pattern VALID =
            Pattern.compile("^[^@\\s\\p{Cntrl}\"<>,;]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*$");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("email is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("email is not a valid e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package ai.revo.missioncontrol.safety;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A recipient address in the one form we compare by: e-mails lower-cased, phone numbers (WhatsApp, SMS) in E.164
 * using the workspace's default region for national numbers, social handles trimmed and lower-cased.
 */
public record RecipientAddress(Channel channel, String value) {

    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\"<>,;]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Normalises {@code raw} for {@code channel}; throws IllegalArgumentException with a readable reason. */
    public static RecipientAddress of(Channel channel, String raw, String defaultRegion) {
        if (channel == null) {
            throw new IllegalArgumentException("channel is required");
        }
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
        String trimmed = raw.trim();
        return switch (channel) {
            case EMAIL -> {
                String email = trimmed.toLowerCase(Locale.ROOT);
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    throw new IllegalArgumentException("address is not a valid e-mail address");
                }
                yield new RecipientAddress(channel, email);
            }
            case WHATSAPP, SMS -> new RecipientAddress(channel, e164(trimmed, defaultRegion));
            case FACEBOOK, INSTAGRAM, LINKEDIN -> {
                String handle = trimmed.toLowerCase(Locale.ROOT);
                if (handle.startsWith("@")) {
                    handle = handle.substring(1);
                }
                if (handle.isEmpty() || handle.length() > 200 || handle.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException(
                            "address is not a valid " + channel.name().toLowerCase(Locale.ROOT) + " recipient id");
                }
                yield new RecipientAddress(channel, handle);
            }
        };
    }

    private static String e164(String raw, String region) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, region == null ? "ZZ" : region);
            if (!PHONES.isPossibleNumber(number)) {
                throw new IllegalArgumentException("address is not a possible phone number");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("address is not a phone number");
        }
    }
}

package ai.revo.missioncontrol.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** A phone number in E.164; national numbers are read in the workspace's default region. */
record PhoneNumber(String value) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    static PhoneNumber parse(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("phone is required");
        }
        try {
            var number = PHONES.parse(raw.trim(), region == null ? "ZZ" : region);
            if (!PHONES.isPossibleNumber(number)) {
                throw new IllegalArgumentException("phone is not a possible phone number");
            }
            return new PhoneNumber(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("phone is not a phone number");
        }
    }
}

package ai.revo.missioncontrol.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature, as Twilio documents it: the full URL Twilio requested (with its query string), then
 * each POST parameter's name and value appended in the order of the names (Unicode order, values of one name in
 * order too), HMAC-SHA1 with the account's auth token, Base64. Compared in constant time.
 */
final class TwilioSignature {

    private TwilioSignature() {}

    static String of(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        params.keySet().stream().sorted().forEach(name -> {
            List<String> values = new ArrayList<>(params.get(name));
            values.sort(null);
            for (String v : values) {
                data.append(name).append(v);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code header} is the signature of the request at any of {@code urls}. */
    static boolean matches(String header, String authToken, List<String> urls, Map<String, List<String>> params) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] given = header.trim().getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String url : urls) {
            byte[] expected = of(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
            ok |= MessageDigest.isEqual(expected, given);
        }
        return ok;
    }
}

package ai.revo.missioncontrol.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** The example of Twilio's webhook security page: auth token 12345, its URL and five parameters. */
    static Map<String, List<String>> documented() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("To", List.of("+18005551212"));
        p.put("CallSid", List.of("CA1234567890ABCDE"));
        p.put("Digits", List.of("1234"));
        p.put("Caller", List.of("+12349013030"));
        p.put("From", List.of("+12349013030"));
        return p;
    }

    @Test
    void computesTwilioDocumentedSignature() {
        assertThat(TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", documented()))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void refusesATamperedParameterAnotherUrlOrAnotherToken() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        String good = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
        assertThat(TwilioSignature.matches(good, "12345", List.of(url), documented()))
                .isTrue();
        Map<String, List<String>> tampered = documented();
        tampered.put("Digits", List.of("1235"));
        assertThat(TwilioSignature.matches(good, "12345", List.of(url), tampered))
                .isFalse();
        assertThat(TwilioSignature.matches(good, "12345", List.of(url + "&x=1"), documented()))
                .isFalse();
        assertThat(TwilioSignature.matches(good, "54321", List.of(url), documented()))
                .isFalse();
        assertThat(TwilioSignature.matches(null, "12345", List.of(url), documented()))
                .isFalse();
    }
}

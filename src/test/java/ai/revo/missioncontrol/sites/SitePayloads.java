package ai.revo.missioncontrol.sites;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payloads shaped as the providers document them (Typeform's form_response webhook, Webflow's form_submission
 * webhook) and the providers' signing, written from their documentation rather than from our verifier.
 */
final class SitePayloads {

    private SitePayloads() {}

    /** A Typeform form_response webhook (developer.typeform.com, "Example webhook payload"). */
    static String typeform(String eventId, String firstName, String email, String phone, String service) {
        return """
                {"event_id":"%s","event_type":"form_response","form_response":{"form_id":"lT4Z3j",\
                "token":"a3a12ec67a1365927098a606107fac15","landed_at":"2026-12-02T05:59:10Z",\
                "submitted_at":"2026-12-02T06:00:00Z","hidden":{"utm_source":"google"},\
                "definition":{"id":"lT4Z3j","title":"Quote request","fields":[\
                {"id":"DlXFaesGBpoF","title":"What's your first name?","type":"short_text","ref":"first_name","properties":{}},\
                {"id":"SMEUb7VJz92Q","title":"What's your email?","type":"email","ref":"email","properties":{}},\
                {"id":"JwWggjAKtOkA","title":"Your phone number","type":"phone_number","ref":"phone","properties":{}},\
                {"id":"k6TP9oLGgHjl","title":"Which service do you need?","type":"multiple_choice","ref":"service",\
                "properties":{}}]},\
                "answers":[\
                {"type":"text","text":"%s","field":{"id":"DlXFaesGBpoF","type":"short_text","ref":"first_name"}},\
                {"type":"email","email":"%s","field":{"id":"SMEUb7VJz92Q","type":"email","ref":"email"}},\
                {"type":"phone_number","phone_number":"%s","field":{"id":"JwWggjAKtOkA","type":"phone_number","ref":"phone"}},\
                {"type":"choice","choice":{"label":"%s"},"field":{"id":"k6TP9oLGgHjl","type":"multiple_choice","ref":"service"}}\
                ]}}""".formatted(eventId, firstName, email, phone, service);
    }

    /** A Webflow form_submission webhook (developers.webflow.com, "Working with webhooks"). */
    static String webflow(String submissionId, String first, String last, String email, long phone, String message) {
        return """
                {"triggerType":"form_submission","payload":{"name":"Contact Us","siteId":"65427cf400e02b306eaa049c",\
                "data":{"First Name":"%s","Last Name":"%s","email":"%s","Phone Number":%d,"Message":"%s"},\
                "schema":[{"fieldName":"First Name","fieldType":"FormTextInput","fieldElementId":"285042f7-d554-dc7f-102c-aa10d6a2d2c4"},\
                {"fieldName":"Last Name","fieldType":"FormTextInput","fieldElementId":"285042f7-d554-dc7f-102c-aa10d6a2d2c5"},\
                {"fieldName":"email","fieldType":"FormTextInput","fieldElementId":"285042f7-d554-dc7f-102c-aa10d6a2d2c6"},\
                {"fieldName":"Phone Number","fieldType":"FormTextInput","fieldElementId":"285042f7-d554-dc7f-102c-aa10d6a2d2c7"}],\
                "submittedAt":"2026-12-02T06:00:00.000Z","id":"%s","formId":"65429eadebe8a9f3a30f62d0"}}""".formatted(first, last, email, phone, message, submissionId);
    }

    /** Standard Webhooks: v1,base64(HMAC-SHA256(base64-decoded whsec_ key, id.timestamp.body)). */
    static String standardSignature(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
    }

    /** Typeform: sha256=base64(HMAC-SHA256(secret, raw body)). */
    static String typeformSignature(String secret, String body) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** Webflow: hex(HMAC-SHA256(client secret, timestamp + ":" + raw body)), timestamp in milliseconds. */
    static String webflowSignature(String secret, long timestampMillis, String body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestampMillis + ":" + body));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

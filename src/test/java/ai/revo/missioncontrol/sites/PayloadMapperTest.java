package ai.revo.missioncontrol.sites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadMapperTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void typeformPresetReadsAnswersByType() throws Exception {
        var root = json.readTree(SitePayloads.typeform("e1", "Ada", "ada@example.com", "+64211234567", "Rewiring"));
        var m = PayloadMapper.map(SiteMapping.defaultFor(SiteAuth.TYPEFORM), root, json);
        assertThat(m.contact())
                .containsEntry("email", "ada@example.com")
                .containsEntry("phone", "+64211234567")
                .containsEntry("firstName", "Ada");
        assertThat(m.type()).isEqualTo("form_submit");
        assertThat(m.properties())
                .containsEntry("Which service do you need?", "Rewiring")
                .containsEntry("formId", "lT4Z3j");
        assertThat(m.problem()).isNull();
        assertThat(PayloadMapper.deliveryId(SiteAuth.TYPEFORM, root)).contains("e1");
    }

    @Test
    void webflowPresetReadsFormDataAndTheNumberPhone() throws Exception {
        var root = json.readTree(
                SitePayloads.webflow("sub-1", "Zaphod", "Beeblebrox", "z@example.com", 64211234567L, "Quote please"));
        var m = PayloadMapper.map(SiteMapping.defaultFor(SiteAuth.WEBFLOW), root, json);
        assertThat(m.contact())
                .containsEntry("firstName", "Zaphod")
                .containsEntry("lastName", "Beeblebrox")
                .containsEntry("email", "z@example.com")
                .containsEntry("phone", "+64211234567");
        assertThat(m.properties()).containsEntry("Message", "Quote please").containsEntry("formName", "Contact Us");
        assertThat(PayloadMapper.deliveryId(SiteAuth.WEBFLOW, root)).contains("sub-1");
    }

    @Test
    void explicitPathsOverrideThePresetAndTypeComesFromAPath() throws Exception {
        var root = json.readTree("{\"kind\":\"Booking\",\"person\":{\"mail\":\"b@example.com\",\"full\":\"Bo Peep\"},"
                + "\"slots\":[{\"at\":\"2026-12-03T10:00\"}]}");
        var mapping = new SiteMapping(
                SiteMapping.Preset.GENERIC,
                null,
                "$.kind",
                Map.of("email", "$.person.mail", "name", "person.full"),
                Map.of("slot", "$.slots[0].at"));
        var m = PayloadMapper.map(mapping, root, json);
        assertThat(m.contact())
                .containsEntry("email", "b@example.com")
                .containsEntry("firstName", "Bo")
                .containsEntry("lastName", "Peep");
        assertThat(m.type()).isEqualTo("booking");
        assertThat(m.properties()).containsEntry("slot", "2026-12-03T10:00");
    }

    @Test
    void saysWhenNothingIdentifiesThePerson() throws Exception {
        var m = PayloadMapper.map(
                SiteMapping.defaultFor(SiteAuth.SHARED_SECRET),
                json.readTree("{\"person\":{\"mail\":\"x@y.z\"}}"),
                json);
        assertThat(m.problem()).contains("no email, phone or name");
        assertThat(PayloadMapper.checkPath("$.a..b")).isNotNull();
        assertThat(PayloadMapper.checkPath("$.data.items[2].email")).isNull();
        assertThat(PayloadMapper.checkPath("answer:email")).isNull();
    }
}

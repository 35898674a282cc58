package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@link PersonalDataTables} reads from a column's constraints (so a scrub never breaks them) and which forms of
 * a value its patterns match. The erasure itself is tested against the database in PrivacyRequestsTest.
 */
class PersonalDataTablesTest {

    @Test
    void aColumnsLengthLimitIsItsDeclaredLengthOrItsTightestCheck() {
        assertThat(PersonalDataTables.maxLength(
                        "caller_number", null, "CHECK (((caller_number IS NULL) OR (length(caller_number) <= 50)))"))
                .isEqualTo(50);
        assertThat(PersonalDataTables.maxLength("name", null, "CHECK (((length(name) >= 1) AND (length(name) <= 60)))"))
                .isEqualTo(60);
        assertThat(PersonalDataTables.maxLength("code", 30, "CHECK ((char_length((code)::text) < 20))"))
                .isEqualTo(19);
        assertThat(PersonalDataTables.maxLength("code", 30, "")).isEqualTo(30);
        // another column's limit in the same table is not this one's
        assertThat(PersonalDataTables.maxLength("body", null, "CHECK ((length(subject) <= 10))"))
                .isNull();
    }

    @Test
    void aCheckOnTheFormatIsToldApartFromLengthAndNullChecks() {
        assertThat(PersonalDataTables.otherCheck(
                        "caller_number", "CHECK (((caller_number IS NULL) OR (length(caller_number) <= 50)))"))
                .isFalse();
        assertThat(PersonalDataTables.otherCheck("name", "CHECK (((length(name) >= 1) AND (length(name) <= 60)))"))
                .isFalse();
        assertThat(PersonalDataTables.otherCheck("phone", "CHECK ((phone ~ '^\\+[1-9][0-9]{6,14}$'::text))"))
                .isTrue();
        assertThat(PersonalDataTables.otherCheck(
                        "status", "CHECK ((status = ANY (ARRAY['OPEN'::text, 'CLOSED'::text])))"))
                .isTrue();
        assertThat(PersonalDataTables.otherCheck("body", "")).isFalse();
    }

    @Test
    void aFittedValueKeepsAShortColumnShortAndClearsOneWhoseFormatTheHashCannotPass() {
        var limited = new PersonalDataTables.Column("caller_number", "text", true, 50, false);
        assertThat(limited.fitted("x"))
                .isEqualTo("case when length(x) <= 50 then x else left(cast(:replacement as text), 50) end");
        var formatted = new PersonalDataTables.Column("phone", "text", true, null, true);
        assertThat(formatted.fitted("x"))
                .isEqualTo("case when (x) is not distinct from phone then phone else null end");
        var free = new PersonalDataTables.Column("body", "text", false, null, false);
        assertThat(free.fitted("x")).isEqualTo("x");
    }

    @Test
    void namesWithQuotesAndApostrophesAreMatchedAsWrittenInTextJsonAndHtml() {
        Set<String> values = new LinkedHashSet<>(List.of("\"Bob\" O'Brien"));
        Pattern text = Pattern.compile(PersonalDataTables.pattern(values), Pattern.CASE_INSENSITIVE);
        Pattern json = Pattern.compile(PersonalDataTables.jsonPattern(values), Pattern.CASE_INSENSITIVE);
        assertThat(text.matcher("Hi \"Bob\" O'Brien,").find()).isTrue();
        assertThat(text.matcher("{\"name\":\"\\\"Bob\\\" O'Brien\"}").find()).isTrue();
        assertThat(text.matcher("<p>&quot;Bob&quot; O&#39;Brien</p>").find()).isTrue();
        assertThat(json.matcher("{\"name\": \"\\\"Bob\\\" O'Brien\"}").find()).isTrue();
        // in JSON's text a quote is structural unless escaped: the raw form is not replaced there
        assertThat(json.matcher("{\"a\": \"x\", \"Bob\" : 1}").find()).isFalse();
        assertThat(PersonalDataTables.jsonPattern(Set.of())).isEqualTo(PersonalDataTables.NOTHING);
    }
}

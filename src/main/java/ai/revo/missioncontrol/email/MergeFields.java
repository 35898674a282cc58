package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.ai.MergeTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * The merge fields an email template may use, in one place. Syntax (the ai module's MergeTemplate):
 * {@code {{firstName}}}, with a fallback for a missing or blank value {@code {{firstName|there}}}, and sections
 * {@code {{#company}}...{{/company}}}. A template naming any other field is refused when it is saved.
 */
public final class MergeFields {

    /** Every allowed field and where its value comes from. */
    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("firstName", "the contact's first name");
        f.put("lastName", "the contact's last name");
        f.put("fullName", "first and last name");
        f.put("email", "the contact's email address");
        f.put("phone", "the contact's phone number");
        f.put("company", "the contact's company");
        f.put("jobTitle", "the contact's job title");
        f.put("city", "the contact's city");
        f.put("country", "the contact's country");
        f.put("lead.status", "the lead's pipeline status");
        f.put("lead.score", "the lead's score (A to C)");
        f.put("campaign.name", "the campaign's name");
        f.put("campaign.objective", "the campaign's objective");
        f.put("campaign.agentName", "the name the campaign's AI persona signs with");
        f.put("sender.name", "the sender's display name");
        f.put("sender.email", "the sender's email address");
        FIELDS = Collections.unmodifiableMap(f);
    }

    private MergeFields() {}

    /** The fields of these texts that are not allowed, in order of first appearance. */
    public static List<String> unknown(String... texts) {
        List<String> unknown = new ArrayList<>();
        for (String text : texts) {
            for (String field : MergeTemplate.fields(text)) {
                if (!FIELDS.containsKey(field) && !unknown.contains(field)) {
                    unknown.add(field);
                }
            }
        }
        return unknown;
    }

    /** The allowed fields these texts use, in order of first appearance. */
    public static List<String> used(String... texts) {
        List<String> used = new ArrayList<>();
        for (String text : texts) {
            for (String field : MergeTemplate.fields(text)) {
                if (FIELDS.containsKey(field) && !used.contains(field)) {
                    used.add(field);
                }
            }
        }
        return used;
    }

    /** The values a template is rendered with; any part may be null, any value may be null. */
    public record Values(Prospect prospect, Lead lead, Campaign campaign, Sender sender) {}

    /** The contact side of a prospect. */
    public record Prospect(
            String firstName,
            String lastName,
            String email,
            String phone,
            String company,
            String jobTitle,
            String city,
            String country) {}

    public record Lead(String status, String score) {}

    public record Campaign(String name, String objective, String agentName) {}

    public record Sender(String name, String email) {}

    /** Renders plain text (a subject): values as they are. */
    static String renderText(String template, Values values) {
        return MergeTemplate.render(template, variables(values, false));
    }

    /** Renders HTML (a body): every value is HTML-escaped, the template's own markup is kept. */
    static String renderHtml(String template, Values values) {
        return MergeTemplate.render(template, variables(values, true));
    }

    static Map<String, Object> variables(Values values, boolean html) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Prospect p = values == null ? null : values.prospect();
        if (p != null) {
            put(vars, "firstName", p.firstName(), html);
            put(vars, "lastName", p.lastName(), html);
            String full = ((p.firstName() == null ? "" : p.firstName().strip()) + " "
                            + (p.lastName() == null ? "" : p.lastName().strip()))
                    .strip();
            put(vars, "fullName", full, html);
            put(vars, "email", p.email(), html);
            put(vars, "phone", p.phone(), html);
            put(vars, "company", p.company(), html);
            put(vars, "jobTitle", p.jobTitle(), html);
            put(vars, "city", p.city(), html);
            put(vars, "country", p.country(), html);
        }
        if (values != null && values.lead() != null) {
            Map<String, Object> lead = new LinkedHashMap<>();
            put(lead, "status", values.lead().status(), html);
            put(lead, "score", values.lead().score(), html);
            vars.put("lead", lead);
        }
        if (values != null && values.campaign() != null) {
            Map<String, Object> campaign = new LinkedHashMap<>();
            put(campaign, "name", values.campaign().name(), html);
            put(campaign, "objective", values.campaign().objective(), html);
            put(campaign, "agentName", values.campaign().agentName(), html);
            vars.put("campaign", campaign);
        }
        if (values != null && values.sender() != null) {
            Map<String, Object> sender = new LinkedHashMap<>();
            put(sender, "name", values.sender().name(), html);
            put(sender, "email", values.sender().email(), html);
            vars.put("sender", sender);
        }
        return vars;
    }

    private static void put(Map<String, Object> vars, String name, String value, boolean html) {
        if (value == null || value.isBlank()) {
            return;
        }
        vars.put(name, html ? Encode.forHtml(value.strip()) : value.strip());
    }
}

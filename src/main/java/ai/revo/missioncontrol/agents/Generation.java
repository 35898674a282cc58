package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.agents.checks.CheckInput;
import ai.revo.missioncontrol.agents.checks.Checks;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.ai.ContentScorer;
import ai.revo.missioncontrol.ai.Grounding;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.safety.Channel;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What generated drafts share: the campaign's merge variables, the context the checks compare against, the hosts
 * links may point to, and the quality review (the QA reviewer's checks and the confidence gate).
 */
@Component
class Generation {

    private final QualityReview review;
    private final Set<String> allowlist;

    Generation(
            ContentScorer scorer,
            @Value("${mc.agents.link-allowlist:}") List<String> allowlist,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.review = new QualityReview(Checks.all(text -> scorer.score(text).spamRisk()));
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : allowlist) {
            if (host != null && !host.isBlank()) {
                hosts.add(host.trim().toLowerCase(Locale.ROOT));
            }
        }
        String own = host(publicUrl);
        if (own != null) {
            hosts.add(own);
        }
        this.allowlist = Set.copyOf(hosts);
    }

    static Map<String, Object> campaignVariables(CampaignView campaign) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", campaign.name());
        c.put("objective", campaign.objective() == null ? "" : campaign.objective());
        c.put("description", campaign.description() == null ? "" : campaign.description());
        c.put("agentName", campaign.persona().agentName());
        c.put("systemPrompt", campaign.systemPrompt());
        var booking = campaign.persona().skills().appointmentBooking();
        c.put("bookingLink", booking.enabled() && booking.link() != null ? booking.link() : "");
        return c;
    }

    /**
     * Where prices and products may come from: what the campaign itself says (plus, in {@link #review}, the passages
     * of knowledge the model was given, and the catalogue).
     */
    static String context(CampaignView campaign) {
        return String.join(
                "\n",
                campaign.name(),
                nullToEmpty(campaign.description()),
                nullToEmpty(campaign.objective()),
                nullToEmpty(campaign.systemPrompt()));
    }

    QualityReview.Verdict review(
            CampaignView campaign,
            Channel channel,
            String subject,
            String body,
            Double modelConfidence,
            boolean templateApproved,
            boolean post,
            Grounding grounding,
            Catalogue catalogue) {
        var persona = campaign.persona();
        var discount = persona.skills().discountAuthority();
        Set<String> hosts = new LinkedHashSet<>(allowlist);
        var booking = persona.skills().appointmentBooking();
        if (booking.enabled() && host(booking.link()) != null) {
            hosts.add(host(booking.link()));
        }
        CheckInput input = new CheckInput(
                channel,
                subject,
                body,
                discount.enabled() ? discount.maxPercent() : 0,
                grounding.isEmpty() ? context(campaign) : context(campaign) + "\n" + grounding.forModel(),
                hosts,
                persona.emoji(),
                persona.length(),
                post,
                catalogue);
        return review.review(input, modelConfidence, persona.confidenceThreshold() / 100.0, templateApproved);
    }

    private static String host(String url) {
        try {
            String host = url == null ? null : URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

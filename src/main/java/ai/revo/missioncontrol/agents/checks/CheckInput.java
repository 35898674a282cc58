package ai.revo.missioncontrol.agents.checks;

import ai.revo.missioncontrol.safety.Channel;
import java.util.Set;

/**
 * A generated message and what the checks may compare it with: the channel, the campaign's largest allowed discount,
 * the text of the context the model was given (the only place prices and products may come from: the campaign's
 * information and the knowledge passages it was given), the hosts links may point to, the persona's sliders (0 to
 * 100) and the workspace's product catalogue (empty when it has none).
 */
public record CheckInput(
        Channel channel,
        String subject,
        String body,
        int maxDiscountPercent,
        String context,
        Set<String> allowedLinkHosts,
        int emoji,
        int length,
        boolean post,
        Catalogue catalogue) {

    public CheckInput {
        catalogue = catalogue == null ? Catalogue.none() : catalogue;
    }

    public CheckInput(
            Channel channel,
            String subject,
            String body,
            int maxDiscountPercent,
            String context,
            Set<String> allowedLinkHosts,
            int emoji,
            int length,
            boolean post) {
        this(channel, subject, body, maxDiscountPercent, context, allowedLinkHosts, emoji, length, post, null);
    }

    public String fullText() {
        return (subject == null ? "" : subject + "\n") + (body == null ? "" : body);
    }
}

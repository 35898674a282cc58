package ai.revo.missioncontrol.agents.checks;

import ai.revo.missioncontrol.safety.Channel;
import java.util.Set;

/**
 * A generated message and what the checks may compare it with: the channel, the campaign's largest allowed discount,
 * the text of the context the model was given (the only place prices and products may come from), the hosts links may
 * point to, and the persona's sliders (0 to 100).
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
        boolean post) {

    public String fullText() {
        return (subject == null ? "" : subject + "\n") + (body == null ? "" : body);
    }
}

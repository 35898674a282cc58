package ai.revo.missioncontrol.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The installation-wide settings only the instance operator sees: where the model and the SMTP relay are, what
 * sign-up allows, and the default limits. Never shown on workspace pages or in their error messages.
 */
@Component
public class InstallationSettings {

    private final Environment env;

    InstallationSettings(Environment env) {
        this.env = env;
    }

    /** A snapshot, in the order the console shows it. Secrets (API keys, passwords) are never included. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        String llm = env.getProperty("mc.llm.base-url", "");
        m.put("llmEndpoint", llm.isBlank() ? null : llm);
        m.put("llmModel", llm.isBlank() ? null : env.getProperty("mc.llm.model"));
        m.put("llmApiKeySet", !env.getProperty("mc.llm.api-key", "").isBlank());
        String smtp = env.getProperty("spring.mail.host", "");
        m.put("smtpHost", smtp.isBlank() ? null : smtp);
        m.put("smtpPort", smtp.isBlank() ? null : env.getProperty("spring.mail.port", "25"));
        m.put("defaultSender", env.getProperty("mc.email.default-from"));
        m.put("signupEnabled", env.getProperty("mc.security.signup-enabled", Boolean.class, true));
        m.put("signupOutbound", env.getProperty("mc.security.signup-outbound", "sandboxed"));
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String key : new String[] {
            "workspace-hourly",
            "workspace-daily",
            "sender-hourly",
            "sender-daily",
            "installation-hourly",
            "installation-daily"
        }) {
            limits.put(camel(key), env.getProperty("mc.outbound.limits." + key, Integer.class));
        }
        m.put("sendLimits", limits);
        Map<String, Object> llmBudget = new LinkedHashMap<>();
        llmBudget.put("dailyRequests", env.getProperty("mc.llm.budget.daily-requests", Integer.class));
        llmBudget.put("dailyTokens", env.getProperty("mc.llm.budget.daily-tokens", Long.class));
        m.put("llmBudget", llmBudget);
        return m;
    }

    private static String camel(String key) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}

package ai.revo.missioncontrol.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the console log's format before logging starts: human-readable lines on a terminal, JSON (ECS) when the
 * output goes to a file or a collector. {@code MC_LOG_FORMAT} decides when set: {@code json} or {@code ecs} for
 * ECS JSON, {@code logstash} or {@code gelf} for those, {@code text} for plain lines.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = choose(environment.getProperty("MC_LOG_FORMAT"), System.console() != null);
        if (format != null && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("mcLogFormat", Map.of(PROPERTY, format)));
        }
    }

    /** The structured format to use, or null for plain text lines. */
    static String choose(String requested, boolean terminal) {
        if (requested == null || requested.isBlank()) {
            return terminal ? null : "ecs";
        }
        return switch (requested.strip().toLowerCase(Locale.ROOT)) {
            case "text", "plain", "console" -> null;
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> "ecs";
        };
    }
}

package ai.revo.missioncontrol.outbound;

import java.util.Map;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * When the installation has no SMTP relay ({@code spring.mail.host} unset, so Spring Boot defines no mail sender),
 * a mail sender without a host carries the installation's mail properties (timeouts) for the workspaces that have
 * their own relay. The EMAIL adapter treats a sender without a host as "the installation has no relay".
 */
@Configuration(proxyBeanMethods = false)
class InstallationWithoutRelay {

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.trim().isEmpty() and '${spring.mail.jndi-name:}'.trim().isEmpty()")
    JavaMailSenderImpl mailSenderWithoutInstallationRelay(Environment env) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Map<String, String> configured = Binder.get(env)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Properties properties = new Properties();
        properties.putAll(configured);
        sender.setJavaMailProperties(properties);
        return sender;
    }
}

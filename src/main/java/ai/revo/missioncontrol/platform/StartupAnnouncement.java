package ai.revo.missioncontrol.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the dashboard is once the node is ready, so the first thing an operator reads is the address. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    private final Environment environment;
    private final String publicUrl;

    StartupAnnouncement(
            Environment environment, @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.environment = environment;
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info(
                "Mission Control is ready: dashboard at http://localhost:{}/ (links in emails use {}), "
                        + "API reference at http://localhost:{}/swagger-ui.html",
                port,
                publicUrl,
                port);
    }
}

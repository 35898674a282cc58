package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Adds In-Reply-To and References to an email that answers a reply, so mail clients thread it. */
@Component
@Order(200)
class ThreadingDecorator implements EmailDecorator {

    private final EmailThreading threading;

    ThreadingDecorator(EmailThreading threading) {
        this.threading = threading;
    }

    @Override
    public Decorated decorate(TenantId tenant, EmailView email, String html, String text) {
        return new Decorated(html, text, threading.headers(tenant, email.id()));
    }
}

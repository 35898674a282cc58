package ai.revo.missioncontrol.platform;

import java.util.Optional;
import java.util.UUID;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Binds the tenant named by a facade call's {@link TenantScoped} argument before its transaction starts, so
 * background work, listeners and tests get the same row-level security as requests. A call for another workspace
 * than the one already bound is refused: that would be a cross-tenant access.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenantBindingAspect {

    @Around(
            "within(ai.revo.missioncontrol..*) && @within(org.springframework.stereotype.Service) && execution(public * *(..))")
    Object bind(ProceedingJoinPoint call) throws Throwable {
        UUID tenant = null;
        for (Object arg : call.getArgs()) {
            if (arg instanceof TenantScoped scoped) {
                tenant = scoped.tenantUuid();
                break;
            }
        }
        if (tenant == null) {
            return call.proceed();
        }
        Optional<UUID> bound = TenantContext.current();
        if (bound.isPresent()) {
            if (!bound.get().equals(tenant)) {
                throw new IllegalStateException("Call for workspace " + tenant + " while working for " + bound.get());
            }
            return call.proceed();
        }
        TenantContext.bind(tenant);
        try {
            return call.proceed();
        } finally {
            TenantContext.clear();
        }
    }
}

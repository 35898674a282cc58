package ai.revo.missioncontrol.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application's own DataSource prepares, so a test can measure what one request or
 * one agent run costs. {@link #during(Runnable)} counts the threads of the embedded web server (request handling);
 * {@link #duringAgentWork(Runnable)} counts only what an agent's {@code perform(RunContext)} runs (marked by an
 * aspect on the thread that performs it). Everything else (scheduler polling, other workers) is not counted, so it
 * does not blur the figure; the tests calling it make their requests one at a time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private static final ThreadLocal<Boolean> agentWork = ThreadLocal.withInitial(() -> false);
    private static volatile boolean counting;
    private static volatile boolean agentScope;

    /** Marks the thread performing an agent's work, so {@link #duringAgentWork} counts exactly its statements. */
    @org.aspectj.lang.annotation.Aspect
    public static class AgentWorkScope {
        @org.aspectj.lang.annotation.Around(
                "execution(public void ai.revo.missioncontrol.agents..*.perform(ai.revo.missioncontrol.agents.RunContext))")
        public Object mark(org.aspectj.lang.ProceedingJoinPoint point) throws Throwable {
            boolean outer = agentWork.get();
            agentWork.set(true);
            try {
                return point.proceed();
            } finally {
                agentWork.set(outer);
            }
        }
    }

    @Bean
    static AgentWorkScope agentWorkScope() {
        return new AgentWorkScope();
    }

    /** The statements agents' work prepared while {@code work} ran (for example: start a run and await its end). */
    public static synchronized List<String> duringAgentWork(Runnable work) {
        agentScope = true;
        try {
            return during(work);
        } finally {
            agentScope = false;
        }
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (name.equals("dataSource") && bean instanceof DataSource ds) {
                    return new Counting(ds);
                }
                return bean;
            }
        };
    }

    /** The statements the web server's threads prepared while {@code work} ran (work runs on the caller's thread). */
    public static synchronized List<String> during(Runnable work) {
        seen.clear();
        counting = true;
        try {
            work.run();
        } finally {
            counting = false;
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Like {@link #during(Runnable)}, for work that returns a value; the statements and the value. */
    public static synchronized <T> Counted<T> counting(Supplier<T> work) {
        Object[] out = new Object[1];
        Runnable run = () -> out[0] = work.get();
        List<String> statements = during(run);
        @SuppressWarnings("unchecked")
        T value = (T) out[0];
        return new Counted<>(statements, value);
    }

    public record Counted<T>(List<String> statements, T value) {}

    /** Reads: the selects among the statements, leaving out the tenant binding each transaction starts with. */
    public static List<String> reads(List<String> statements) {
        return statements.stream()
                .filter(s -> s.toLowerCase(Locale.ROOT).startsWith("select")
                        || s.toLowerCase(Locale.ROOT).startsWith("with"))
                .filter(s -> !s.toLowerCase(Locale.ROOT).startsWith("select set_config('app.tenant_id'"))
                .toList();
    }

    private static boolean counted() {
        if (!counting) {
            return false;
        }
        if (agentScope) {
            return agentWork.get();
        }
        String thread = Thread.currentThread().getName();
        return thread.startsWith("http-nio") || thread.startsWith("tomcat-handler");
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection target) {
            InvocationHandler handler = (proxy, method, args) -> {
                String m = method.getName();
                if ((m.equals("prepareStatement") || m.equals("prepareCall"))
                        && args != null
                        && args.length > 0
                        && args[0] instanceof String sql
                        && counted()) {
                    seen.add(sql.strip().replaceAll("\\s+", " "));
                } else if (m.equals("createStatement") && counted()) {
                    seen.add("<statement>");
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }
}

package ai.revo.missioncontrol.platform.web;

import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last line for a database outage: a failure to reach the database outside a controller (resolving a bearer
 * token or a session, committing the session) would otherwise reach the container's error dispatch, which runs the
 * same database-bound filters again and ends in a bare 500. Here it becomes 503 with {@code Retry-After}: the API's
 * error shape for {@code /api/} and JSON clients, a plain page that needs nothing from the database for browsers.
 * Controllers' own failures are translated by {@link ApiExceptionHandler} and {@link PageExceptionHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestIdFilter, before the session and security filters
class ServiceUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Temporarily unavailable · Mission Control</title>
            </head>
            <body>
            <h1>Mission Control is temporarily unavailable</h1>
            <p>Its database cannot be reached right now. Nothing was changed. Try again in a moment.</p>
            <p><a href="/">Back to the dashboard</a></p>
            </body>
            </html>
            """;

    private final ObjectMapper json;

    ServiceUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!ServiceUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Answered 503, a backing store is unreachable: {}", rootMessage(e));
            response.resetBuffer();
            write(request, response, json);
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ServiceUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(),
                    ErrorBody.of(ErrorCode.SERVICE_UNAVAILABLE, ServiceUnavailable.MESSAGE, Map.of()));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/") || uri.equals("/health")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("html");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}

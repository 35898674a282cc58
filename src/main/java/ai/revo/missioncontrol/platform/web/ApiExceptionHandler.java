package ai.revo.missioncontrol.platform.web;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.RateLimitExceeded;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Translates every failure of a REST controller into the API error shape. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status());
        if (e instanceof RateLimitExceeded limited) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return builder.body(ErrorBody.of(e.code(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ErrorBody.of(
                        ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than the upload limit (50 MB)", Map.of()));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ErrorBody> invalid(BindException e) {
        List<Map<String, Object>> fields = new ArrayList<>();
        e.getFieldErrors().forEach(f -> fields.add(field(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> fields.add(field(g.getObjectName(), g.getDefaultMessage())));
        return validation(fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalid(HandlerMethodValidationException e) {
        List<Map<String, Object>> fields = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(err ->
                                fields.add(field(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return validation(fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorBody> invalid(ConstraintViolationException e) {
        return validation(e.getConstraintViolations().stream()
                .map(v -> field(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .collect(Collectors.toList()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validation(List.of(field(path(unknown), "is not a known field")));
        }
        if (cause instanceof InvalidFormatException format) {
            return validation(List.of(field(path(format), "has the wrong type or value: " + format.getValue())));
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return validation(List.of(field(path(mismatched), "has the wrong type")));
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof ApiException api) {
            return api(api);
        }
        if (cause instanceof JsonMappingException mapping
                && mapping.getCause() instanceof IllegalArgumentException iae) {
            return validation(List.of(field(path(mapping), iae.getMessage())));
        }
        String message = cause instanceof JsonProcessingException
                ? "Malformed JSON body"
                : "Request body is missing or unreadable";
        return ResponseEntity.badRequest().body(ErrorBody.of(ErrorCode.VALIDATION_ERROR, message, Map.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> mismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(field(e.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e) {
        return validation(List.of(field(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missing(MissingRequestHeaderException e) {
        return validation(List.of(field(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return error(ErrorCode.NOT_FOUND, "No such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return error(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type not supported; send application/json");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
        return error(ErrorCode.FORBIDDEN, "Your role does not allow this action");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ErrorBody> unauthenticated(AuthenticationException e) {
        return error(ErrorCode.UNAUTHORIZED, "Authentication required");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ErrorBody> concurrent(OptimisticLockingFailureException e) {
        return error(ErrorCode.CONFLICT, "The resource was changed by someone else; reload and try again");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ErrorBody> duplicate(DuplicateKeyException e) {
        logRefusal(e);
        return error(ErrorCode.CONFLICT, "A resource with the same unique value already exists");
    }

    /**
     * The database (or another backing store) cannot be reached: 503 with {@code Retry-After}. The transaction did
     * not begin or was rolled back, so nothing was changed and the same request may be sent again.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ErrorBody> unavailable(Exception e) {
        log.warn("Answered 503, a backing store is unreachable: {}", e.toString());
        return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ServiceUnavailable.RETRY_AFTER_SECONDS))
                .body(ErrorBody.of(ErrorCode.SERVICE_UNAVAILABLE, ServiceUnavailable.MESSAGE, Map.of()));
    }

    @ExceptionHandler(DbActionExecutionException.class)
    ResponseEntity<ErrorBody> aggregateWrite(DbActionExecutionException e) {
        if (e.getCause() instanceof DuplicateKeyException duplicate) {
            return duplicate(duplicate);
        }
        if (e.getCause() instanceof OptimisticLockingFailureException concurrent) {
            return concurrent(concurrent);
        }
        if (e.getCause() instanceof DataAccessException data) {
            return dataAccess(data);
        }
        return unexpected(e);
    }

    /**
     * The database refused a value: SQL state class 22 (data exception: a NUL character, a value too long, a bad
     * date) is the client's input, 23 (integrity) a conflict with existing data. Anything else is ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorBody> dataAccess(DataAccessException e) {
        if (ServiceUnavailable.causedBy(e)) {
            return unavailable(e);
        }
        String state = sqlState(e);
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            logRefusal(e);
        }
        if (state != null && state.startsWith("22")) {
            return ResponseEntity.badRequest()
                    .body(ErrorBody.of(
                            ErrorCode.VALIDATION_ERROR,
                            "A value was not acceptable (invalid characters, too long or out of range)",
                            Map.of()));
        }
        if (state != null && state.startsWith("23")) {
            return error(ErrorCode.CONFLICT, "The change conflicts with existing data");
        }
        return unexpected(e);
    }

    /**
     * The client gets a generic message (constraint and column names are ours), so the log names what refused the
     * change: without it a 409 or 400 from the database cannot be traced to its constraint.
     */
    private static void logRefusal(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                var m = psql.getServerErrorMessage();
                log.warn(
                        "The database refused a change: SQL state {}, table {}, column {}, constraint {}",
                        m.getSQLState(),
                        m.getTable(),
                        m.getColumn(),
                        m.getConstraint());
                return;
            }
        }
        log.warn("The database refused a change: SQL state {}", sqlState(e));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The client went away (a closed stream, a cancelled download): there is nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (ServiceUnavailable.causedBy(e)) {
            return unavailable(e);
        }
        log.error("Unhandled error", e);
        return error(ErrorCode.INTERNAL_ERROR, "An internal error occurred; quote the request id when reporting it");
    }

    private static ResponseEntity<ErrorBody> error(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).body(ErrorBody.of(code, message, Map.of()));
    }

    private static ResponseEntity<ErrorBody> validation(List<Map<String, Object>> fields) {
        String names = fields.stream()
                .map(f -> String.valueOf(f.get("field")))
                .distinct()
                .collect(Collectors.joining(", "));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", fields);
        return ResponseEntity.badRequest()
                .body(ErrorBody.of(ErrorCode.VALIDATION_ERROR, "Validation failed: " + names, details));
    }

    private static Map<String, Object> field(String name, String message) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("field", name);
        f.put("message", message);
        return f;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

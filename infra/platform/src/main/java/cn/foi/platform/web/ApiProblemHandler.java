package cn.foi.platform.web;

import cn.foi.platform.logging.Redacted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.temporal.Temporal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into {@code application/problem+json} in words a clerk can act on. Bad input is a
 * 400 that names the field; nothing here ever shows a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    /** The configured upload limit: Tomcat's refusal does not always say which limit it applied. */
    @Value("${spring.servlet.multipart.max-request-size:#{null}}")
    private DataSize uploadLimit;

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return Problems.respond(Problems.invalidField(e.field(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作",
                e.getMessage() == null || e.getMessage().equals("Access Denied") ? "您的账号无权进行此操作" : e.getMessage()));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException e) {
        return Problems.respond(Problems.invalidField("body", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterMismatch(MethodArgumentTypeMismatchException e) {
        String hint = e.getRequiredType() != null && Temporal.class.isAssignableFrom(e.getRequiredType())
                ? "，日期须为 YYYY-MM-DD 格式" : "";
        return Problems.respond(Problems.invalidField(e.getName(),
                "参数 " + e.getName() + " 的值“" + e.getValue() + "”无效" + hint));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        RequestBodyTooLargeException tooLarge = findCause(e, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        // The exception's messages may hold what the call was given (SQL parameters, a command, a name): classes and
        // stack frames only, with the path (ids, never the query string, which may hold a name searched for).
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), Redacted.of(e));
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "系统内部错误",
                "系统暂时无法完成此操作，请稍后重试；如果问题持续，请联系系统管理员。"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return asObject(Problems.respond(unreadable(e)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // Bean Validation reports its violations as a set, in no fixed order: sorted by field, the same bad form gets
        // the same answer every time, and `field` names the same first one.
        List<FieldError> fieldErrors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField).thenComparing(f -> fieldMessage(f)))
                .toList();
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(f -> Map.of("field", f.getField(), "message", fieldMessage(f)))
                .toList();
        String field = fieldErrors.isEmpty() ? "body" : fieldErrors.get(0).getField();
        ProblemDetail problem = Problems.invalidField(field,
                errors.stream().map(m -> m.get("message")).collect(Collectors.joining("；")));
        problem.setProperty("errors", errors);
        return asObject(Problems.respond(problem));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return asObject(Problems.respond(Problems.invalidField(e.getParameterName(),
                "缺少参数 " + e.getParameterName())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return asObject(Problems.respond(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "不支持的操作", "此地址不支持 " + e.getMethod() + " 请求")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return asObject(Problems.respond(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "不支持的内容类型", "请求内容须为 JSON（Content-Type: application/json）")));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return asObject(Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "未找到",
                "地址 /" + e.getResourcePath() + " 不存在")));
    }

    /** An upload (a ledger, an attachment) over the container's limit: 413, with the limit, before any of it is kept. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : uploadLimit == null ? -1 : uploadLimit.toBytes();
        String size = limit <= 0 ? "" : " " + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB");
        // An attachment over the container's limit (its own, smaller limit is checked by its controller).
        boolean attachment = request.getDescription(false).contains("/attachments");
        return asObject(Problems.respond(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "文件过大",
                attachment ? "附件超过" + size + " 的上限，未保存：请压缩或拆分后上传"
                        : "上传的文件超过" + size + " 的上限，未导入任何记录：请把台账分成几个文件分别导入")));
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException e) {
        RequestBodyTooLargeException tooLarge = findCause(e, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return Problems.invalidField("body", tooLarge.getMessage());
        }
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            Class<?> target = invalid.getTargetType();
            String expected = target != null && Temporal.class.isAssignableFrom(target)
                    ? "日期须为 YYYY-MM-DD 格式（如 2025-03-02）"
                    : target != null && Number.class.isAssignableFrom(target) || target == int.class
                    || target == long.class ? "须为数字" : "格式不正确";
            return Problems.invalidField(field, "字段 " + field + " 的值“" + invalid.getValue() + "”无效：" + expected);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            return Problems.invalidField(field, "字段 " + field + " 的类型不正确");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            Throwable root = mapping.getCause();
            String reason = root != null && root.getMessage() != null && !(root instanceof JsonProcessingException)
                    ? root.getMessage() : "格式不正确";
            return Problems.invalidField(field, "字段 " + field + " 无效：" + reason);
        }
        if (cause instanceof JsonProcessingException) {
            return Problems.invalidField("body", "请求内容不是有效的 JSON：请检查括号、引号和逗号");
        }
        return Problems.invalidField("body", "缺少请求内容，或请求内容不是有效的 JSON");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fieldMessage(FieldError error) {
        String message = error.getDefaultMessage();
        return "字段 " + error.getField() + (message == null ? " 无效" : "：" + message);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}

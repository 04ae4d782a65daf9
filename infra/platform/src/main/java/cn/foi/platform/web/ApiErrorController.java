package cn.foi.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What answers an error that no controller handled: a refusal by a filter or by the servlet container (a path Tomcat
 * or the firewall will not route, a failure in a filter). It answers problem+json like every other API error, in place
 * of Spring Boot's HTML or JSON "whitelabel" page, which showed a clerk nothing they could act on. The web UI's own
 * pages are files and a single-page application: no HTML error page is needed for them either.
 */
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                ? HttpStatus.valueOf(number) : HttpStatus.INTERNAL_SERVER_ERROR;
        return Problems.respond(problemFor(status));
    }

    /** The problem of a status a filter or the container answered with, in the words of the API's own answers. */
    static ProblemDetail problemFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Problems.invalidField("path", "请求地址或内容无效（含有不允许的字符，如 %00、%2F、分号或 ..）");
            case UNAUTHORIZED -> Problems.problem(status, "unauthorized", "未登录", "请登录后再操作");
            case FORBIDDEN -> Problems.problem(status, "forbidden", "无权操作", "您的账号无权进行此操作");
            case NOT_FOUND -> Problems.problem(status, "not-found", "未找到", "请求的地址不存在");
            case METHOD_NOT_ALLOWED -> Problems.problem(status, "method-not-allowed", "不支持的操作", "此地址不支持该请求方式");
            case PAYLOAD_TOO_LARGE -> Problems.problem(status, "too-large", "请求过大", "请求内容超过上限");
            default -> status.is4xxClientError()
                    ? Problems.problem(status, "invalid-request", "请求无效", "请求无法处理（" + status.value() + "）")
                    : Problems.problem(status.is5xxServerError() ? status : HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal", "系统内部错误",
                    "系统暂时无法完成此操作，请稍后重试；如果问题持续，请联系系统管理员。");
        };
    }
}

package cn.foi.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Tomcat's own error report, for what it refuses before any filter or controller sees the request: a path with
 * {@code %00} or an encoded {@code %2F}, a malformed request line. Tomcat answered those with its HTML page; this
 * answers problem+json like every other refusal of the API. Errors that reach the application are answered by
 * ApiProblemHandler and ApiErrorController and have their body already: this valve leaves them alone.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body = status == 400
                ? "{\"type\":\"urn:foi:problem:invalid-input\",\"title\":\"请求内容有误\",\"status\":400,"
                + "\"detail\":\"请求地址或内容无效（含有不允许的字符，如 %00、%2F），请检查地址\",\"field\":\"path\","
                + "\"errors\":[{\"field\":\"path\",\"message\":\"请求地址或内容无效（含有不允许的字符，如 %00、%2F），请检查地址\"}]}"
                : status < 500
                ? "{\"type\":\"urn:foi:problem:invalid-request\",\"title\":\"请求无效\",\"status\":" + status
                + ",\"detail\":\"请求无法处理（" + status + "）\"}"
                : "{\"type\":\"urn:foi:problem:internal\",\"title\":\"系统内部错误\",\"status\":" + status
                + ",\"detail\":\"系统暂时无法完成此操作，请稍后重试；如果问题持续，请联系系统管理员。\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was committed meanwhile: nothing more can be said.
        }
    }

    /** Puts this valve in place of the host's HTML error report valve. */
    public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> installer() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (!(parent instanceof StandardHost host)) {
                return;
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
        });
    }
}

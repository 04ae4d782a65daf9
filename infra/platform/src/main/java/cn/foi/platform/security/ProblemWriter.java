package cn.foi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The problem documents (RFC 9457) of the security filters, which answer before any controller is reached. */
public final class ProblemWriter {

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String title,
                      String detail) throws IOException {
        // The Basic challenge is for API clients. A browser (which marks every request with Sec-Fetch-Mode) would answer
        // it with its own password dialog, over the UI's sign-in page or on a download link after the session ended.
        if (status == 401 && !SessionCookies.fromUi(request) && request.getHeader("Sec-Fetch-Mode") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"foi\", charset=\"UTF-8\"");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"urn:foi:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

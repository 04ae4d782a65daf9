package cn.foi.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a sign-in attempt came from, carried as the authentication's details to the provider that throttles and logs.
 *
 * @param address the client's address: the connection's peer, or the proxy's {@code X-Forwarded-For} when the proxy is
 *                trusted ({@code server.forward-headers-strategy=native}: Tomcat trusts it from internal addresses only)
 * @param userAgent the browser or client, cut to {@link #USER_AGENT_LENGTH} characters (null if not sent)
 * @param via {@code SESSION} for the web UI's sign-in, {@code BASIC} for an API client's HTTP Basic credentials
 */
public record SignInDetails(String address, String userAgent, String via) {

    public static final int USER_AGENT_LENGTH = 200;
    public static final String SESSION = "SESSION";
    public static final String BASIC = "BASIC";

    public static SignInDetails of(HttpServletRequest request, String via) {
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            // PostgreSQL refuses U+0000 in text, and a log line needs no control characters.
            agent = agent.replaceAll("\\p{Cntrl}", " ").strip();
            if (agent.length() > USER_AGENT_LENGTH) {
                agent = agent.substring(0, USER_AGENT_LENGTH);
            }
        }
        return new SignInDetails(request.getRemoteAddr(), agent, via);
    }
}

package cn.foi.platform.security;

import cn.foi.platform.about.AboutController;
import org.springframework.boot.info.BuildProperties;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every API call is authenticated: HTTP Basic for API clients, the session cookie for the web UI
 * ({@link SessionCookieFilter}). Only the health probe, the API documentation and the web UI's files are open.
 * Which agency's requests a user may see or change is decided per call, by the user's role and agency.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Passwords(10);
    }

    /** Guarding sign-in against guessing (README, "Sign-in"): the settings, with their defaults. */
    @Bean
    SignInPolicy signInPolicy(@Value("${foi.sign-in.max-failures-per-user:5}") int maxFailuresPerUser,
                              @Value("${foi.sign-in.max-failures-per-address:20}") int maxFailuresPerAddress,
                              @Value("${foi.sign-in.failure-window:PT15M}") Duration window,
                              @Value("${foi.sign-in.lockout:PT15M}") Duration lockout,
                              @Value("${foi.sign-in.log-retention:P180D}") Duration logRetention) {
        return new SignInPolicy(maxFailuresPerUser, maxFailuresPerAddress, window, lockout, logRetention);
    }

    @Bean
    SignInThrottle signInThrottle(SignInPolicy policy, Clock clock) {
        return new SignInThrottle(policy, clock);
    }

    @Bean
    CachingPasswordAuthenticationProvider passwordAuthenticationProvider(UserAccountStore users,
                                                                        PasswordEncoder passwordEncoder, Clock clock,
                                                                        SignInThrottle throttle,
                                                                        ObjectProvider<SignInLog> signIns) {
        return new CachingPasswordAuthenticationProvider(users, passwordEncoder, clock, throttle, signIns);
    }

    @Bean
    SignInLogController signInLogController(ObjectProvider<SignInLog> signIns) {
        return new SignInLogController(signIns);
    }

    @Bean
    SessionCookies sessionCookies(@Value("${foi.session.secret:}") String secret,
                                  @Value("${foi.session.max-age:PT10H}") Duration maxAge, Clock clock) {
        return new SessionCookies(new SessionTokens(secret, maxAge, clock));
    }

    @Bean
    AboutController aboutController(@Value("${foi.organisation-name:}") String organisation,
                                    ObjectProvider<BuildProperties> build) {
        return new AboutController(organisation, build);
    }

    @Bean
    SessionController sessionController(CachingPasswordAuthenticationProvider passwords, SessionCookies cookies,
                                        ObjectProvider<SignOuts> signOuts, Clock clock) {
        return new SessionController(passwords, cookies, signOuts, clock);
    }

    /**
     * The firewall's refusal of a path (a {@code ;}, {@code //}, an encoded {@code %2F}, {@code %25} or {@code ..}) as
     * 400 problem+json, like every other refusal, instead of a 500 or the container's HTML page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        ProblemWriter problems = new ProblemWriter();
        return (request, response, e) -> problems.write(request, response, 400, "invalid-input", "请求内容有误",
                "请求地址含有不允许的字符（如 %00、%2F、分号或 ..），请检查地址");
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CachingPasswordAuthenticationProvider provider,
                                    SessionCookies cookies, UserAccountStore users) throws Exception {
        ProblemWriter problems = new ProblemWriter();
        http
                // API clients send their credentials with every call and hold no cookie that a forged page could use.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // On every response of either side, the web UI's files included (X-Content-Type-Options: nosniff and
                // X-Frame-Options: DENY are Spring Security's defaults). A response that sets its own policy, like a
                // report document, keeps it: the writers add a header only where none is set.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(BrowserHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                BrowserHeaders.PERMISSIONS_POLICY)))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        // The web UI's files (the data behind it needs a signed-in user like any API call).
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
                        // Signing in and out need no session; asking who is signed in does.
                        .requestMatchers(HttpMethod.POST, "/api/session").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/session").permitAll()
                        // What the sign-in page shows: the system, the organisation running it and the version.
                        .requestMatchers(HttpMethod.GET, "/api/about").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/agencies", "/api/users", "/api/calendar/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("foi")
                        .authenticationDetailsSource(request -> SignInDetails.of(request, SignInDetails.BASIC))
                        .authenticationEntryPoint((request, response, e) -> {
                            // Guessing through HTTP Basic is throttled like the web UI's sign-in.
                            if (e instanceof SignInThrottled throttled) {
                                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                                problems.write(request, response, 429, "sign-in-throttled", "登录受限",
                                        throttled.getMessage());
                            } else {
                                problems.write(request, response, 401, "unauthorized", "未登录",
                                        "请使用有效的用户名和密码登录");
                            }
                        }))
                .addFilterBefore(new SessionCookieFilter(cookies, users, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, 401, "unauthorized", "未登录", "请登录后再操作"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, 403, "forbidden", "无权操作", "您的账号无权进行此操作")));
        return http.build();
    }
}

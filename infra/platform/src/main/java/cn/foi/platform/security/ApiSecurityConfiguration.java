package cn.foi.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call is authenticated (HTTP Basic for API clients). Only the health probe and the API documentation are open.
 * Which agency's requests a user may see or change is decided per call, by the user's role and agency.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    CachingPasswordAuthenticationProvider passwordAuthenticationProvider(UserAccountStore users,
                                                                        PasswordEncoder passwordEncoder, Clock clock) {
        return new CachingPasswordAuthenticationProvider(users, passwordEncoder, clock);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CachingPasswordAuthenticationProvider provider) throws Exception {
        http
                // API clients send their credentials with every call and hold no cookie that a forged page could use.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/agencies", "/api/users", "/api/calendar/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("foi").authenticationEntryPoint((request, response, e) ->
                        writeProblem(response, 401, "unauthorized", "未登录", "请使用有效的用户名和密码登录")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                writeProblem(response, 401, "unauthorized", "未登录", "请使用有效的用户名和密码登录"))
                        .accessDeniedHandler((request, response, e) ->
                                writeProblem(response, 403, "forbidden", "无权操作", "您的账号无权进行此操作")));
        return http.build();
    }

    private static void writeProblem(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"foi\", charset=\"UTF-8\"");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"urn:foi:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

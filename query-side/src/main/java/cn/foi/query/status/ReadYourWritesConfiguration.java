package cn.foi.query.status;

import cn.foi.platform.web.InvalidInputException;
import cn.foi.query.QuerySideConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes on the query side: every processor records how far it has got in the event store's global index
 * ({@link ProjectedPositions}), and every read of the API accepts {@code ?after=<X-Event-Position>}, waiting for that
 * position before it answers ({@link ReadYourWrites}). One rule for every read, so that no page has to know which
 * projection its data comes from.
 */
@Configuration(proxyBeanMethods = false)
public class ReadYourWritesConfiguration implements WebMvcConfigurer {

    /** The query parameter a read waits on: the X-Event-Position of the write it follows. */
    public static final String AFTER = "after";

    // Looked up on first use: the MVC configuration is built early, and must not pull the projections' beans with it.
    private final ObjectProvider<ReadYourWrites> readYourWrites;

    public ReadYourWritesConfiguration(ObjectProvider<ReadYourWrites> readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Autowired
    void recordPositions(EventProcessingConfigurer processing, ProjectedPositions positions) {
        for (String name : QuerySideConfiguration.PROCESSORS) {
            processing.registerEventHandler(configuration -> new ProjectedPositions.Recorder(name, positions))
                    // Above the default rules, so the recorder joins its processor, not a group of its own.
                    .assignHandlerInstancesMatching(name, Integer.MAX_VALUE,
                            handler -> handler instanceof ProjectedPositions.Recorder recorder
                                    && recorder.processor().equals(name));
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String after = request.getParameter(AFTER);
                if (after == null || after.isBlank() || !HttpMethod.GET.matches(request.getMethod())) {
                    return true;
                }
                long position;
                try {
                    position = Long.parseLong(after.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(AFTER, "参数 after 应为保存时返回的 X-Event-Position（整数）");
                }
                readYourWrites.getObject().await(position, request.getHeader(HttpHeaders.AUTHORIZATION),
                        request.getHeader(HttpHeaders.COOKIE));
                return true;
            }
        }).addPathPatterns("/api/**").excludePathPatterns("/api/events/head", "/api/projections/status",
                "/api/session");
    }
}

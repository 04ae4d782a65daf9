package cn.foi.platform;

import cn.foi.events.json.EventJson;
import cn.foi.events.json.EventTypeRenames;
import cn.foi.platform.kafka.EventTopic;
import cn.foi.platform.security.ApiSecurityConfiguration;
import cn.foi.platform.web.ApiErrorController;
import cn.foi.platform.web.ApiProblemHandler;
import cn.foi.platform.web.ProblemReportValve;
import cn.foi.platform.web.StrictJsonBodies;
import cn.foi.platform.web.WebUiAssets;
import cn.foi.platform.web.RequestSizeLimitFilter;
import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** What both sides share: the clock of the offices, API errors, security, the size limit and the event topic. */
@Configuration(proxyBeanMethods = false)
@Import({ApiSecurityConfiguration.class, ApiProblemHandler.class, ApiErrorController.class, WebUiAssets.class})
public class FoiPlatformConfiguration {

    /** Business dates are the offices' dates: China has one time zone. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(OFFICE_ZONE);
    }

    /**
     * The events are written as the contract says (shared-events' EventJson, frozen by its golden samples), not with
     * the web API's ObjectMapper, so that no {@code spring.jackson.*} setting made for the API changes a stored event
     * (ADR 31). Axon's auto-configuration steps back for a bean with this qualifier; the other serializers (tokens,
     * commands) keep the application's mapper.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(FoiPlatformConfiguration.class.getClassLoader()))
                .objectMapper(EventJson.objectMapper())
                .build();
    }

    /**
     * Stored events of a renamed type read as their current type (ADR 30). Axon adds every upcaster bean to the chain
     * it applies when reading the event store and, through the Kafka extension's converter, the topic.
     */
    @Bean
    EventTypeRenames eventTypeRenames() {
        return new EventTypeRenames();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${foi.api.max-body-size:64KB}") DataSize limit,
            @Value("${foi.api.max-report-body-size:256KB}") DataSize reportLimit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes(), reportLimit.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** What Tomcat refuses itself (%00, %2F in a path) is answered as problem+json, not as Tomcat's HTML page. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return ProblemReportValve.installer();
    }

    /** JSON bodies are read as written: no number becomes a text, no fraction a whole number (StrictJsonBodies). */
    @Bean
    StrictJsonBodies strictJsonBodies() {
        return new StrictJsonBodies();
    }

    @Bean
    InitializingBean eventTopic(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                                @Value("${axon.kafka.default-topic}") String topic,
                                @Value("${foi.kafka.partitions:4}") int partitions,
                                @Value("${foi.kafka.replication-factor:1}") int replicationFactor,
                                @Value("${foi.kafka.min-insync-replicas:1}") int minInsyncReplicas) {
        return () -> EventTopic.ensureExists(bootstrapServers, topic, partitions, replicationFactor, minInsyncReplicas);
    }
}

package cn.foi.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web UI's scripts and styles, where a process serves them (the all-in-one; in the distributed mode nginx does,
 * with the same rule). Vite names each file after a hash of its content, so a file under {@code /assets/} never
 * changes: the browser may keep it for a year and skip even the question whether it changed. Without this every page
 * load fetched every script again, since Spring Security marks each response it has no other rule for
 * {@code no-store}, and the browser could not keep its compiled code either. {@code index.html} is not here: it names
 * the current files and is asked for on every load, so a new version is seen at once.
 */
@Configuration(proxyBeanMethods = false)
public class WebUiAssets implements WebMvcConfigurer {

    static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/assets/")
                .setCacheControl(FOR_A_YEAR);
    }
}

package cn.foi.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * In the distributed mode nginx sends reads to the query side unless its map names them (infra/runtime/nginx/foi.conf).
 * A read only the command side answers (a notice's document, an attachment, the next case number) that the map forgets
 * is a 404 from the query side behind one origin, which no test of the all-in-one can see: every GET the command side
 * serves must be routed to it.
 */
class NginxRoutesCommandReadsTest {

    private static final Pattern ROUTE = Pattern.compile("^\\s*\"~(\\S+)\"\\s+(foi_\\w+);");

    @Test
    void everyReadTheCommandSideServesIsRoutedToTheCommandSide() throws Exception {
        Map<Pattern, String> routes = routes(Path.of("..", "infra", "runtime", "nginx", "foi.conf"));
        List<String> commandReads = commandSideReads();
        assertThat(commandReads).as("the command side's GET endpoints").isNotEmpty()
                .contains("/api/requests/x1/attachments/x1", "/api/requests/x1/notices/x1.docx");

        List<String> misrouted = new ArrayList<>();
        for (String path : commandReads) {
            String side = routes.entrySet().stream().filter(route -> route.getKey().matcher("GET:" + path).find())
                    .map(Map.Entry::getValue).findFirst().orElse("foi_query");
            if (!side.equals("foi_command")) {
                misrouted.add(path);
            }
        }
        assertThat(misrouted).as("GET endpoints of the command side that nginx would send to the query side").isEmpty();
    }

    /** The map's regular expressions in their order (nginx tries them in order; the first match wins). */
    private static Map<Pattern, String> routes(Path conf) throws IOException {
        Map<Pattern, String> routes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(conf)) {
            Matcher matcher = ROUTE.matcher(line);
            if (matcher.find()) {
                routes.put(Pattern.compile(matcher.group(1)), matcher.group(2));
            }
        }
        assertThat(routes).as("routes read from " + conf).isNotEmpty();
        return routes;
    }

    /** The GET paths of the command side's controllers, each path variable filled with {@code x1}. */
    private static List<String> commandSideReads() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> reads = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.foi.command")) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            List<String> prefixes = base == null || base.path().length == 0 ? List.of("") : Arrays.asList(base.path());
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null || !Arrays.asList(mapping.method()).contains(RequestMethod.GET)) {
                    continue;
                }
                List<String> paths = mapping.path().length == 0 ? List.of("") : Arrays.asList(mapping.path());
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        reads.add((prefix + path).replaceAll("\\{[^}]+}", "x1"));
                    }
                }
            }
        }
        return reads;
    }
}

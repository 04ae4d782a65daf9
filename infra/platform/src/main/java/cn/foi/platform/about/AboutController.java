package cn.foi.platform.about;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sign-in page shows before anyone has signed in: the system's name, the organisation that runs it and the
 * version. Public on purpose (nothing here is about a request or a user); both sides answer it the same way.
 */
@RestController
@RequestMapping("/api/about")
@Tag(name = "系统信息")
public class AboutController {

    public static final String SYSTEM_NAME = "政府信息公开申请办理系统";

    /** Built without Spring Boot's build-info (an IDE run): the version is then not known. */
    static final String UNKNOWN_VERSION = "开发版";

    private final About about;

    public AboutController(String organisation, ObjectProvider<BuildProperties> build) {
        String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion)
                .filter(v -> !v.isBlank()).orElse(UNKNOWN_VERSION);
        this.about = new About(SYSTEM_NAME, organisation == null ? "" : organisation.strip(), version);
    }

    /** {@code organisation} is empty when FOI_ORGANISATION_NAME is not set; the page then leaves the line out. */
    public record About(String system, String organisation, String version) {
    }

    @GetMapping
    @Operation(summary = "系统信息（无需登录）：系统名称、部署单位名称（FOI_ORGANISATION_NAME，未设置时为空字符串）和版本号")
    public ResponseEntity<About> about() {
        // Changes only with a new deployment: a short cache spares the sign-in page a call on every visit.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(about);
    }
}

package cn.foi.query.failures;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} component of {@code /actuator/health}: {@code DEGRADED} while any event is parked.
 *
 * <p>Not DOWN nor OUT_OF_SERVICE: those answer 503, and whatever waits on the health (a load balancer, {@code run.sh}'s
 * users, the readiness probe, the tests) would take the whole system out because one request's event could not be
 * projected, which is the outage parking avoids. DEGRADED answers 200 (query-side-defaults.properties) and ranks
 * above UP, so the overall status says it to whoever monitors it; {@code /actuator/health/readiness} is not affected.
 */
@Component
public class ProjectionsHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "有事件无法写入查询库，已滞留，等待管理员处理");

    private final ParkedEvents parked;

    public ProjectionsHealthIndicator(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = parked.countsPerProcessor();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return Health.status(total == 0 ? Status.UP : DEGRADED).withDetail("parked", total)
                .withDetail("parkedPerProcessor", counts).build();
    }
}

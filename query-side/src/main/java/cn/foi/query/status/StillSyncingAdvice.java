package cn.foi.query.status;

import cn.foi.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answer when a read's wait for a position ran out: 503 with {@code Retry-After: 1}, distinct from every other
 * answer, so the page says "正在同步，请稍候" and asks again instead of reporting an error or a missing request.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StillSyncingAdvice {

    @ExceptionHandler(StillSyncingException.class)
    ResponseEntity<ProblemDetail> stillSyncing(StillSyncingException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "syncing", "正在同步",
                "正在同步，请稍候");
        problem.setProperty("position", e.position());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(Problems.PROBLEM_JSON).body(problem);
    }
}

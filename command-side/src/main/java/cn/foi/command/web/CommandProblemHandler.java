package cn.foi.command.web;

import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.web.Problems;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused commands as problem responses: the rule's words for the clerk, its key for programs. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemHandler {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation e) {
        ProblemDetail problem = switch (e.kind()) {
            case INVALID -> Problems.invalidField(e.field(), e.getMessage());
            case CONFLICT -> Problems.problem(HttpStatus.CONFLICT, "rule-violation", "当前状态不允许此操作", e.getMessage());
            case NOT_FOUND -> Problems.problem(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage());
        };
        problem.setProperty("rule", e.rule());
        if (e.kind() == RuleViolation.Kind.INVALID && e.all().size() > 1) {
            // Several inputs at fault, found together: each under its own field (detail joins their messages).
            problem.setProperty("errors", e.all().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.getMessage())).toList());
        }
        return Problems.respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "未找到", "未找到该记录"));
    }

    /** Two people changed the same record at the same moment, or created the same one twice. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "concurrent-change", "记录已被修改",
                "该记录刚被他人修改或已经存在，请刷新后重试"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolated(violation);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrentChange(concurrency);
        }
        throw e;
    }
}

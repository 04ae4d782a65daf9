package cn.foi.query.directory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code accounts} component of {@code /actuator/health} and of the readiness group: OUT_OF_SERVICE until the
 * first administrator's account has reached this side's user directory.
 *
 * <p>Why: the query side signs users in against its own copy of the accounts, projected from the command side's
 * events. On a fresh system that copy is empty for a moment after the port opens; every sign-in meanwhile is refused
 * and counted as a failure of the name, and enough of them lock the administrator out. A side that cannot sign
 * anyone in is not ready. Asked anew each time (one indexed lookup): a replay of the directory empties it for a while.
 */
@Component
public class AccountsHealthIndicator implements HealthIndicator {

    private final DirectoryProjection directory;

    public AccountsHealthIndicator(DirectoryProjection directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        return directory.anAdministratorIsKnown() ? Health.up().build()
                : Health.status(new Status(Status.OUT_OF_SERVICE.getCode(), "尚未收到管理员账号，暂时无法登录")).build();
    }
}

package cn.foi.command.access;

import cn.foi.command.access.UserCommands.CreateUserAccount;
import cn.foi.events.access.Role;
import java.security.SecureRandom;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start, creates the administrator {@code admin} with {@code FOI_ADMIN_PASSWORD}, or with a generated
 * password that is printed this once and never stored in clear; the administrator must change a generated one at the first sign-in.
 *
 * <p>Why a lifecycle phase and not an application runner: runners run after the web server listens, so a probe or a
 * client could sign in as {@code admin} before the account exists, and each such try counted as a failed sign-in
 * until the name was locked out. This phase comes after Axon's (the command bus and the subscribing processor that
 * keeps the user directory are up) and before the web server's.
 */
@Component
public class AdministratorBootstrap implements SmartLifecycle {

    /**
     * Right after Axon's configuration has started (Integer.MAX_VALUE - 3072: every Axon phase, the command handlers
     * subscribed), before the web server's start (Integer.MAX_VALUE - 2048 in Spring Boot 3).
     */
    static final int PHASE = SpringAxonConfiguration.LIFECYCLE_PHASE + 1;

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private static final String ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final CommandGateway commands;
    private final UserDirectory users;
    private final PasswordEncoder passwordEncoder;
    private final String configuredPassword;
    private volatile boolean running;

    public AdministratorBootstrap(CommandGateway commands, UserDirectory users, PasswordEncoder passwordEncoder,
                                  @Value("${FOI_ADMIN_PASSWORD:}") String configuredPassword) {
        this.commands = commands;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void start() {
        createAdministratorIfMissing();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void createAdministratorIfMissing() {
        if (users.userExists(ADMIN)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            // A generated password has been in the log: it must not stay the administrator's.
                            new CreateUserAccount(ADMIN, passwordEncoder.encode(password), Role.ADMIN, null, generated))
                    .andMetaData(Map.of("actor", "system")));
        } catch (ConcurrencyException e) {
            return; // another instance created it at the same moment
        }
        if (generated) {
            String banner = "\n==================================================================\n"
                    + " 首次启动：已创建管理员账号 admin，初始密码：" + password + "\n"
                    + " 此密码只显示这一次，请妥善保存并尽快修改（也可用 FOI_ADMIN_PASSWORD 指定）。\n"
                    + "==================================================================\n";
            System.out.println(banner);
        } else {
            log.info("Created the administrator 'admin' with the password from FOI_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

package cn.foi.command.access;

import cn.foi.platform.security.FoiUser;
import cn.foi.platform.security.SignOuts;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** A sign-out becomes an event of the user's account, which every side reads to end the sessions issued before it. */
@Component
public class SignOutRecorder implements SignOuts {

    private final CommandGateway commands;

    public SignOutRecorder(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void signedOut(FoiUser user, Instant at) {
        commands.sendAndWait(new UserCommands.EndSessions(user.username(), at));
    }
}

package cn.foi.command.shared;

import cn.foi.command.CommandSideConfiguration;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Puts the signed-in user into every command's metadata; the correlation provider then copies it into every event the
 * command causes, so the history always says who did what. Commands the system issues itself are marked "system".
 */
@Component
public class ActingUser {

    public ActingUser(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(CommandSideConfiguration.ACTOR) ? message
                        : message.andMetaData(Map.of(CommandSideConfiguration.ACTOR,
                        CurrentUser.find().map(FoiUser::username).orElse("system"))));
    }
}

package cn.foi.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current HTTP request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<FoiUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof FoiUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static FoiUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}

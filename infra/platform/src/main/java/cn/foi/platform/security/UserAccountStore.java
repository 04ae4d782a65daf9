package cn.foi.platform.security;

import java.util.Optional;

/** Where a side finds its users: each side keeps its own copy, built from the user account events. */
public interface UserAccountStore {

    Optional<FoiUser> findByUsername(String username);
}

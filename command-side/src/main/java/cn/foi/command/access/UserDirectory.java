package cn.foi.command.access;

/** Which user names are taken; the command side's own list, kept in step with the user account events. */
public interface UserDirectory {

    boolean userExists(String username);
}

package cn.foi.command.access;

/** The administrators who may sign in: the system must always keep one. */
public interface Administrators {

    /** How many active administrators there are, locking their rows until the command's transaction ends. */
    int activeCount();
}

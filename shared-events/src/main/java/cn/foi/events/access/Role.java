package cn.foi.events.access;

/** What a user may do: a clerk handles requests, a supervisor watches them, an administrator runs the system. */
public enum Role {
    CLERK("经办人"),
    SUPERVISOR("主管"),
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

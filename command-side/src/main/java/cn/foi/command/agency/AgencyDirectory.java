package cn.foi.command.agency;

/** Which agencies exist; the command side's own list, kept in step with the agency events. */
public interface AgencyDirectory {

    boolean exists(String code);
}

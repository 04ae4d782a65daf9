package cn.foi.command.agency;

import java.util.List;

/** Where each agency stands in the tree; the command side's own copy, kept in step with the agency events. */
public interface AgencyTree {

    /**
     * The agency's code, its parent's, and so on up to the top of the tree (the agency first); just the code when the
     * agency is unknown. Moving an agency under any of these except its own parent would close a cycle.
     */
    List<String> ancestry(String code);
}

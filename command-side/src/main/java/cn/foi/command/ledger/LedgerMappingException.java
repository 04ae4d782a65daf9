package cn.foi.command.ledger;

/** A header mapping that cannot be used: the clerk's input is wrong, not the ledger. Nothing was read or stored. */
public class LedgerMappingException extends RuntimeException {

    LedgerMappingException(String message) {
        super(message);
    }
}

package cn.foi.command.ledger;

/** The uploaded file cannot be read as a ledger at all: empty, of another kind, or damaged. Nothing was imported. */
public class LedgerFileException extends RuntimeException {

    private final boolean empty;

    LedgerFileException(String message, boolean empty) {
        super(message);
        this.empty = empty;
    }

    LedgerFileException(String message, Throwable cause) {
        super(message, cause);
        this.empty = false;
    }

    /** An empty upload: bad input rather than a ledger with errors. */
    public boolean empty() {
        return empty;
    }
}

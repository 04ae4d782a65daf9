package cn.foi.query.status;

/** The read was asked to wait for a position the projections have not reached within the allowed wait. */
public class StillSyncingException extends RuntimeException {

    private final long position;

    public StillSyncingException(long position) {
        super("正在同步，请稍候");
        this.position = position;
    }

    public long position() {
        return position;
    }
}

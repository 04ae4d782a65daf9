package cn.foi.platform.security;

/**
 * The security headers every response carries, the web UI's files included, so that injected markup can run no
 * script, no other site can frame the UI, and no address (with a case number in it) leaks to another site.
 * infra/runtime/nginx/foi.conf repeats them for the files nginx serves itself; keep both in step.
 */
public final class BrowserHeaders {

    /**
     * Vite's built index.html loads its script and styles from files (no inline script), so scripts come only from
     * the origin. Styles need {@code 'unsafe-inline'}: ECharts draws its tooltips as HTML with style attributes, the
     * report preview and Element Plus's watermark set style attributes too, and CSP treats those as inline styles.
     * A style cannot run script; the markup around it is escaped. Report documents keep their own stricter policy.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The UI needs none of these; a script that got in anyway must not ask for them. */
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /** Addresses hold case numbers and user names: never send them to another site, not even the origin alone. */
    public static final String REFERRER_POLICY = "no-referrer";

    private BrowserHeaders() {
    }
}

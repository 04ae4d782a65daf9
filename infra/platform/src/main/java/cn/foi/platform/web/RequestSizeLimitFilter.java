package cn.foi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies over a limit before anything reads them: a declared length over the limit is answered at once,
 * and a body without a declared length stops being read at the limit.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    /** An annual report carries up to three long texts (20,000 characters each, three bytes a character). */
    private final long reportLimit;

    public RequestSizeLimitFilter(long limit) {
        this(limit, limit);
    }

    public RequestSizeLimitFilter(long limit, long reportLimit) {
        this.limit = limit;
        this.reportLimit = reportLimit;
    }

    private long limitOf(HttpServletRequest request) {
        return request.getRequestURI().matches("/api/agencies/[^/]+/reports/.*") ? reportLimit : limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        // File uploads (ledgers) have their own, larger limit.
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("application/problem+json;charset=UTF-8");
            String detail = new RequestBodyTooLargeException(limit).getMessage();
            response.getOutputStream().write(("{\"type\":\"urn:foi:problem:invalid-input\",\"title\":\"请求内容有误\","
                    + "\"status\":400,\"detail\":\"" + detail + "\",\"field\":\"body\",\"errors\":[{\"field\":\"body\","
                    + "\"message\":\"" + detail + "\"}],\"instance\":\"" + request.getRequestURI().replace("\"", "")
                    + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

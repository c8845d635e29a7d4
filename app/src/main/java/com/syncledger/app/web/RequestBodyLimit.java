package com.syncledger.app.web;

import com.syncledger.app.problem.BodyTooLargeException;
import com.syncledger.app.problem.ProblemKind;
import com.syncledger.app.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@link #MAX_BYTES} with 413: at once when the declared length is too large,
 * and while reading when a chunked body grows past it. Every request the API accepts is far smaller, except
 * the bulk imports (a batch of ledger entries, the ECB's rate history), which may send {@link #MAX_BULK_BYTES}.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_BULK_BYTES = 16 * 1024 * 1024;

    /** The bulk endpoints, matched on the raw path like the key check: no encoded or dot segments. */
    private static final Pattern BULK_PATH = Pattern.compile("/stores/[0-9]{1,19}/ledger-entries/batch|/fx-rates/ecb");

    private final ProblemWriter problems;

    RequestBodyLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        int limit = limitFor(request.getRequestURI());
        if (declared > limit) {
            problems.write(request, response, tooLarge(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, limit), response);
    }

    static int limitFor(String rawPath) {
        return BULK_PATH.matcher(rawPath).matches() ? MAX_BULK_BYTES : MAX_BYTES;
    }

    static org.springframework.http.ProblemDetail tooLarge(int limit) {
        return ProblemKind.PAYLOAD_TOO_LARGE.problem("The request body is larger than " + limit / 1024
                + " KiB.");
    }

    /** A request of unknown length whose body stops with {@link BodyTooLargeException} past the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), limit);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final int limit;
        private long read;

        LimitedStream(ServletInputStream in, int limit) {
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

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException();
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

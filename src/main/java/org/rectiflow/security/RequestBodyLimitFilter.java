package org.rectiflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectiflow.common.DataSizes;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 413 a request body above its limit before anything reads it: a body that declares a larger
 * {@code Content-Length} is refused unread (the container never delivers more than it declares); a body sent in
 * chunks, without a length, is read here up to the limit and refused as soon as it grows past it, or handed on
 * from that buffer. One limit for bodies that are not multipart ({@code rectiflow.http.max-json-body}), another for
 * multipart ones (none where the servlet's own multipart limits apply, as on {@code /api}).
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** How much of a refused body is read and dropped at most, for its sender to read the answer. */
    private static final long DRAIN = 2L * 1024 * 1024;

    private final DataSize maxBody;
    private final DataSize maxMultipart;

    /**
     * @param maxBody      the limit of a body that is not multipart
     * @param maxMultipart the limit of a multipart body, or null where multipart bodies are left to the servlet
     */
    public RequestBodyLimitFilter(DataSize maxBody, DataSize maxMultipart) {
        this.maxBody = maxBody;
        this.maxMultipart = maxMultipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        DataSize limit = type.startsWith("multipart/") ? maxMultipart : maxBody;
        if (declared <= 0 && !chunked || limit == null) {
            chain.doFilter(request, response);
            return;
        }
        if (declared > limit.toBytes()) {
            refuse(request, response, limit);
            return;
        }
        if (!chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(limit.toBytes() + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit.toBytes()) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /**
     * 413 with a JSON body in both conventions: the engine's ({@code type}, {@code message}) and {@code /api}'s; then
     * the connection closes (see {@link #closing}).
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, DataSize limit)
        throws IOException {
        String text = "请求体超过" + DataSizes.text(limit) + "，未作处理，请减少内容后再提交";
        closing(request, response);
        JsonRefusal.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, Map.of("type", "PayloadTooLarge",
            "message", text, "errors", List.of(text)));
    }

    /**
     * A request refused before its body was read closes its connection, rather than have the container drain a body
     * of any length. A client that waits for {@code 100 Continue} has sent nothing (the container asks for the body
     * only when something reads it); from one that sent its body anyway a little more is read and dropped, so that a
     * small body's sender reads the answer instead of a reset connection.
     */
    static void closing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        if (request.getHeader("Expect") == null) {
            try {
                InputStream in = request.getInputStream();
                byte[] buffer = new byte[8192];
                for (long left = DRAIN; left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    left -= n;
                }
            } catch (IOException e) {
                // the rest is left unread: the connection closes anyway
            }
        }
    }
}

package org.rectiflow.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: a path that is not written in its one plain form is refused with 400
 * before any other filter or servlet sees it. Tomcat matches filters and servlets on the decoded, normalised
 * path, while some code behind it (the engine's REST servlet, Spring MVC) reads the raw one; a request whose
 * two forms differ could pass a filter under one name and reach a servlet under another
 * ({@code /actuator/health/../../engine-rest/user}). Like Spring Security's {@code StrictHttpFirewall}, this
 * refuses in the raw path (the query string is not looked at): {@code .} and {@code ..} segments, path
 * parameters ({@code ;}), empty segments ({@code //}), a backslash, the encoded forms of {@code .}, {@code /},
 * {@code \}, {@code ;} and {@code %} ({@code %2e}, {@code %2f}, {@code %5c}, {@code %3b}, {@code %25}), encoded
 * letters, digits and {@code -_~} (which nobody needs to encode), and control characters. Tomcat itself
 * already answers 400 for an encoded {@code /} or {@code \}. The answer names the problem and the fix, in
 * Chinese, in the engine's error format; nothing is logged.
 */
public class RequestPathFirewall extends OncePerRequestFilter {

    static final String DOT_SEGMENT = "请求路径含有“.”或“..”路径段，请求被拒绝：请直接写出目标路径，不要用“..”跳转。";
    static final String PATH_PARAMETER = "请求路径含有“;”路径参数，请求被拒绝：请去掉路径中的“;”及其后的参数。";
    static final String EMPTY_SEGMENT = "请求路径含有空路径段“//”，请求被拒绝：请去掉多余的“/”。";
    static final String BACKSLASH = "请求路径含有“\\”，请求被拒绝：路径只用“/”分隔。";
    static final String ENCODED_SEPARATOR =
        "请求路径含有编码的“.”“/”“\\”“;”或“%”（%2e、%2f、%5c、%3b、%25），请求被拒绝：请使用不含这些编码的规范路径。";
    static final String ENCODED_PLAIN = "请求路径把字母、数字或“-_~”写成了百分号编码（如 %61），请求被拒绝：请直接写出这些字符。";
    static final String CONTROL = "请求路径含有控制字符，请求被拒绝：请去掉这些字符。";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        Optional<String> problem = problem(request.getRequestURI());
        if (problem.isPresent()) {
            JsonRefusal.write(response, HttpServletResponse.SC_BAD_REQUEST,
                Map.of("type", "InvalidRequestException", "message", problem.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a raw (undecoded) request path, if anything. */
    static Optional<String> problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(CONTROL);
            }
            if (c == ';') {
                return Optional.of(PATH_PARAMETER);
            }
            if (c == '\\') {
                return Optional.of(BACKSLASH);
            }
            if (c == '%') {
                Optional<String> encoded = encoded(rawPath, i);
                if (encoded.isPresent()) {
                    return encoded;
                }
            }
        }
        if (rawPath.contains("//")) {
            return Optional.of(EMPTY_SEGMENT);
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of(DOT_SEGMENT);
            }
        }
        return Optional.empty();
    }

    /** The problem of the escape starting at {@code at}: an escaped separator or plain character. */
    private static Optional<String> encoded(String path, int at) {
        if (at + 2 >= path.length()) {
            return Optional.of(ENCODED_SEPARATOR); // a lone '%': Tomcat refuses it too
        }
        int value;
        try {
            value = Integer.parseInt(path.substring(at + 1, at + 3), 16);
        } catch (NumberFormatException e) {
            return Optional.of(ENCODED_SEPARATOR);
        }
        char decoded = (char) value;
        if (decoded == '.' || decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%') {
            return Optional.of(ENCODED_SEPARATOR);
        }
        if (value < 0x20 || value == 0x7f) {
            return Optional.of(CONTROL);
        }
        if (value < 0x80 && (Character.isLetterOrDigit(decoded) || "-_~".indexOf(decoded) >= 0)) {
            return Optional.of(ENCODED_PLAIN);
        }
        return Optional.empty();
    }

    /**
     * The path a request reached within the application, as Tomcat decoded and normalised it (servlet path
     * plus path info): what every rule of the security filters compares, never the raw URI.
     */
    public static String normalisedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }
}

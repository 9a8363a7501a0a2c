package org.rectiflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers of every answer under {@code /api} (the JSON, the workbooks, {@code report.html}, the dashboard and
 * the API's documentation), set before anything else answers, so that a 401 or 413 carries them too:
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and a Content-Security-Policy under which
 * only the application's own scripts run ({@code script-src 'self'}: the dashboard's script is a file, ECharts comes
 * from the application's WebJar), only its own style sheets and the report's one inline style sheet (by its hash)
 * apply, and nothing is framed, posted or fetched elsewhere. Style attributes stay allowed
 * ({@code style-src-attr 'unsafe-inline'}): ECharts writes them into its tooltips, and a style attribute runs no
 * code.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String FRAME_OPTIONS = "X-Frame-Options";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private final String policy;

    /** @param inlineStyleHashes the {@code 'sha256-…'} sources of the inline style sheets the pages may carry */
    public SecurityHeadersFilter(String... inlineStyleHashes) {
        String styles = String.join(" ", inlineStyleHashes);
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self' " + styles + "; style-src-elem 'self' "
            + styles + "; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        response.setHeader(CONTENT_TYPE_OPTIONS, "nosniff");
        response.setHeader(FRAME_OPTIONS, "DENY");
        response.setHeader(CONTENT_SECURITY_POLICY, policy);
        chain.doFilter(request, response);
    }
}

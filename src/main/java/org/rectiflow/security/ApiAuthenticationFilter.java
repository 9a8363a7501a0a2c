package org.rectiflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The engine's HTTP Basic filter, for every path it is registered on except the actuator's health (which
 * load balancers and container health checks call without credentials; it shows only UP or DOWN per part).
 * The application's own {@code /api} also accepts the user logged into the webapps ({@link WebappSession}) when
 * the call carries no {@code Authorization} header: a script in the Tasklist calls it with the session cookie.
 * A call with an {@code Authorization} header is HTTP Basic's alone, whatever session it carries.
 */
public class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final WebappSession webappSession;

    ApiAuthenticationFilter(WebappSession webappSession) {
        this.webappSession = webappSession;
    }

    static boolean isApplicationApi(HttpServletRequest request) {
        String path = RequestPathFirewall.normalisedPath(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Compares the normalised path ({@link RequestPathFirewall#normalisedPath}), never the raw URI. */
    static boolean isHealth(HttpServletRequest request) {
        String path = RequestPathFirewall.normalisedPath(request);
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isHealth(http)) {
            chain.doFilter(request, response);
            return;
        }
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
            && http.getHeader("Authorization") == null && isApplicationApi(http)) {
            UserAuthentication user = webappSession.user(http).orElse(null);
            if (user != null) {
                if (!webappSession.csrfHolds(http, httpResponse)) {
                    return;
                }
                webappSession.authenticate(user);
                try {
                    chain.doFilter(request, response);
                } finally {
                    webappSession.clear();
                }
                return;
            }
        }
        super.doFilter(request, response, chain);
    }
}

package org.rectiflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine's HTTP Basic filter, for every path it is registered on except the actuator's health (which
 * load balancers and container health checks call without credentials; it shows only UP or DOWN per part).
 */
public class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

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
        super.doFilter(request, response, chain);
    }
}

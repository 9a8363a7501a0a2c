package org.rectiflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Strict-Transport-Security} on every answer (the webapps get it from Camunda's header filter too):
 * browsers that once reached the site over HTTPS never fall back to HTTP. On in the {@code prod} profile
 * ({@code rectiflow.security.hsts}).
 */
public class StrictTransportSecurityFilter extends OncePerRequestFilter {

    public static final String HEADER = "Strict-Transport-Security";
    public static final String VALUE = "max-age=31536000";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        response.setHeader(HEADER, VALUE);
        chain.doFilter(request, response);
    }
}

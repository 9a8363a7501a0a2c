package org.rectiflow.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/…}, which creates an administrator
 * without a login) as soon as the engine has any user. Camunda's own check in the 7.24.0 community release is
 * not to be relied on (CVE-2026-77226, no patch release follows); this filter answers 403 before the webapp's
 * code runs. On a database with no user at all the setup stays reachable, as Camunda intends: the {@code prod}
 * profile never gets there, because it creates the administrator from the environment at start.
 */
public class AdminSetupGuard extends OncePerRequestFilter {

    public static final String MESSAGE = "The setup of a first administrator is closed: users exist already";

    private final IdentityService identityService;

    public AdminSetupGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (identityService.createUserQuery().count() > 0) {
            JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN,
                Map.of("type", "AuthorizationException", "message", MESSAGE));
            return;
        }
        chain.doFilter(request, response);
    }
}

package org.rectiflow.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectiflow.identity.AccessPolicy;
import org.rectiflow.identity.RoleGroups;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints other than health (metrics, Prometheus, info) are for administrators and the
 * monitoring group's scrape users only ({@link AccessPolicy#mayReadMetrics}). The login itself is checked
 * before, by the engine's Basic filter.
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final AccessPolicy policy;

    public ActuatorAccessFilter(IdentityService identityService, AccessPolicy policy) {
        this.identityService = identityService;
        this.policy = policy;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiAuthenticationFilter.isHealth(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
            : authentication.getGroupIds();
        if (!policy.mayReadMetrics(groups)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                "metrics are for the groups " + RoleGroups.ADMIN + " and " + RoleGroups.MONITORING);
            return;
        }
        chain.doFilter(request, response);
    }
}

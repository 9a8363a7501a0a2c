package org.rectiflow.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.rectiflow.identity.AccessPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of the APIs. The engine's REST API has no authentication of its own: every call to
 * {@code /engine-rest/*}, to the application's own {@code /api/*} and to the actuator (but its health) must
 * carry HTTP Basic credentials of an engine user (or, for {@code /api/*} only, come from a webapps' session with
 * its CSRF token: {@link WebappSession}), and then runs as that user, so the engine's authorizations
 * apply to it exactly as in the webapps. Queries carrying expressions are refused, the Admin setup is closed
 * once users exist, and in {@code prod} every answer carries HSTS. Before all of them, a path not written in
 * its plain form is refused ({@link RequestPathFirewall}); the filters' own rules compare the normalised path.
 */
@Configuration
public class RestApiSecurity {

    @Bean
    public FilterRegistrationBean<RequestPathFirewall> requestPathFirewall() {
        return registration(new RequestPathFirewall(), "request-path-firewall", Ordered.HIGHEST_PRECEDENCE, "/*");
    }

    @Bean
    public FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(IdentityService identityService) {
        return registration(new AdminSetupGuard(identityService), "admin-setup-guard",
            Ordered.HIGHEST_PRECEDENCE + 2, "/camunda/api/admin/setup/*");
    }

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
        ProcessEngine processEngine, CamundaBpmProperties camunda) {
        WebappProperty webapp = camunda.getWebapp();
        Long cacheTimeToLive = webapp.getAuth().getCache().isTtlEnabled()
            ? webapp.getAuth().getCache().getTimeToLive() : null;
        WebappSession session = new WebappSession(processEngine, cacheTimeToLive, webapp.getCsrf().getTargetOrigin());
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = registration(
            new ApiAuthenticationFilter(session), "engine-rest-authentication", 1, "/engine-rest/*", "/api/*", "/actuator/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ActuatorAccessFilter> actuatorAccess(IdentityService identityService,
                                                                        AccessPolicy accessPolicy) {
        return registration(new ActuatorAccessFilter(identityService, accessPolicy), "actuator-access", 2,
            "/actuator/*");
    }

    @Bean
    public FilterRegistrationBean<ExpressionQueryFilter> expressionQueryFilter() {
        return registration(new ExpressionQueryFilter(), "expression-query-filter", 2,
            "/engine-rest/*", "/camunda/api/*");
    }

    @Bean
    @ConditionalOnProperty(name = "rectiflow.security.hsts", havingValue = "true")
    public FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity() {
        return registration(new StrictTransportSecurityFilter(), "strict-transport-security",
            Ordered.HIGHEST_PRECEDENCE + 1, "/*");
    }

    static <F extends Filter> FilterRegistrationBean<F> registration(F filter, String name, int order,
                                                                     String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(order);
        return registration;
    }
}

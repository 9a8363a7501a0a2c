package org.rectiflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of the APIs. The engine's REST API has no authentication of its own: every call to
 * {@code /engine-rest/*}, to the application's own {@code /api/*} and to the actuator (but its health) must
 * carry HTTP Basic credentials of an engine user, and then runs as that user, so the engine's authorizations
 * apply to it exactly as in the webapps. Queries carrying expressions are refused, the Admin setup is closed
 * once users exist, and in {@code prod} every answer carries HSTS.
 */
@Configuration
public class RestApiSecurity {

    @Bean
    public FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(IdentityService identityService) {
        FilterRegistrationBean<AdminSetupGuard> registration =
            new FilterRegistrationBean<>(new AdminSetupGuard(identityService));
        registration.setName("admin-setup-guard");
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ApiAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(1);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ActuatorAccessFilter> actuatorAccess(IdentityService identityService) {
        FilterRegistrationBean<ActuatorAccessFilter> registration =
            new FilterRegistrationBean<>(new ActuatorAccessFilter(identityService));
        registration.setName("actuator-access");
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(2);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ExpressionQueryFilter> expressionQueryFilter() {
        FilterRegistrationBean<ExpressionQueryFilter> registration =
            new FilterRegistrationBean<>(new ExpressionQueryFilter());
        registration.setName("expression-query-filter");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(2);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "rectiflow.security.hsts", havingValue = "true")
    public FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity() {
        FilterRegistrationBean<StrictTransportSecurityFilter> registration =
            new FilterRegistrationBean<>(new StrictTransportSecurityFilter());
        registration.setName("strict-transport-security");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}

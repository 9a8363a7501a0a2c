package org.rectiflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API has no authentication of its own: every call to {@code /engine-rest/*} and to the
 * application's own {@code /api/*} must carry HTTP Basic credentials of an engine user, and then runs as
 * that user, so the engine's authorizations apply to it exactly as in the webapps.
 */
@Configuration
public class RestApiSecurity {

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(1);
        return registration;
    }
}

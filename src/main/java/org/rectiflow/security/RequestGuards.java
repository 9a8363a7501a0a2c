package org.rectiflow.security;

import java.util.List;
import java.util.Optional;

import org.apache.coyote.ContinueResponseTiming;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.rectiflow.identity.OrganisationRepository;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters that guard what a request may bring in and what an answer carries, beside those of
 * {@link RestApiSecurity} (whose HTTP Basic filter has order 1 and sets the user):
 * <ul>
 * <li>order {@code HIGHEST_PRECEDENCE + 2}, {@code /api/*}: the security headers ({@link SecurityHeadersFilter}), on
 * every answer including a 401;
 * <li>order 0, {@code /engine-rest/*} and {@code /camunda/api/*}: the body limit ({@link RequestBodyLimitFilter}),
 * before the login and before the expression filter reads a query's body; multipart bodies (deployments, file
 * variables, which the engine's REST API reads whole into memory) up to {@code rectiflow.http.max-engine-multipart-body};
 * <li>order 1, {@code /engine-rest/*} and {@code /camunda/api/*}: a task form's refusal (400) without the engine's
 * English prefix before the application's message ({@link TaskRefusalMessageFilter});
 * <li>order 1, {@code /camunda/api/engine/*}: the engine's common English refusals in Chinese for the webapps' users
 * ({@link WebappEngineMessageFilter}, {@link EngineMessages});
 * <li>order 2, {@code /api/*}: only the office posts {@code /api/rounds} ({@link RoundImportAccessFilter}), after the
 * login and before any body is read;
 * <li>order 3, {@code /api/*}: the body limit; multipart bodies keep the servlet's own limits there.
 * </ul>
 */
@Configuration
public class RequestGuards {

    /**
     * Tomcat answers {@code Expect: 100-continue} only when something reads the body ({@code onRead}; its default
     * answers at once): a client that waits for it never sends a body that a filter refuses unread.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setContinueResponseTiming(ContinueResponseTiming.ON_REQUEST_BODY_READ.toString());
            }
        });
    }

    @Bean
    public FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(List<InlineStyleSheet> styleSheets) {
        String[] hashes = styleSheets.stream().map(InlineStyleSheet::hash).toArray(String[]::new);
        return RestApiSecurity.registration(new SecurityHeadersFilter(hashes), "security-headers",
            Ordered.HIGHEST_PRECEDENCE + 2, "/api/*");
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> engineBodyLimit(HttpLimitsProperties limits) {
        return RestApiSecurity.registration(new RequestBodyLimitFilter(limits.maxJsonBody(),
                limits.maxEngineMultipartBody()), "engine-body-limit", 0,
            "/engine-rest/*", "/camunda/api/*");
    }

    @Bean
    public FilterRegistrationBean<TaskRefusalMessageFilter> taskRefusalMessages() {
        return RestApiSecurity.registration(new TaskRefusalMessageFilter(), "task-refusal-messages", 1,
            "/engine-rest/*", "/camunda/api/*");
    }

    @Bean
    public FilterRegistrationBean<WebappEngineMessageFilter> webappEngineMessages(ProcessEngine engine,
                                                                               OrganisationRepository organisation) {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
        return RestApiSecurity.registration(new WebappEngineMessageFilter(taskId -> Optional.ofNullable(
                commands.execute(context -> context.runWithoutAuthorization(() -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    return task == null ? null : task.getAssignee();
                })))
                .flatMap(assignee -> organisation.displayName(assignee).or(() -> Optional.of(assignee)))),
            "webapp-engine-messages", 1, "/camunda/api/engine/*");
    }

    @Bean
    public FilterRegistrationBean<RoundImportAccessFilter> roundImportAccess(ApiUser user) {
        return RestApiSecurity.registration(new RoundImportAccessFilter(user), "round-import-access", 2, "/api/*");
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> apiBodyLimit(HttpLimitsProperties limits) {
        return RestApiSecurity.registration(new RequestBodyLimitFilter(limits.maxJsonBody(), null), "api-body-limit", 3,
            "/api/*");
    }
}

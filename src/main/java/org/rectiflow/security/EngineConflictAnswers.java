package org.rectiflow.security;

import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.rectiflow.guard.TaskGoneException;
import org.rectiflow.identity.OrganisationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The ordinary conflicts between colleagues, as both engine APIs answer them ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}): a task claimed meanwhile (the engine's {@link TaskAlreadyClaimedException}) or changed
 * meanwhile ({@link OptimisticLockingException}) is 409, a task gone meanwhile ({@link TaskGoneException}) is 404,
 * each with the Chinese advice of {@link EngineMessages} and the engine's exception type; logged at DEBUG. Camunda's
 * own handlers answer the first two with 500 and log each as a WARN with its stack.
 *
 * <p>The mappers are more specific than Camunda's ({@code ProcessEngineExceptionHandler}), so Jersey prefers them.
 * They join the REST API's Jersey application through a {@link ResourceConfigCustomizer}, and the webapps' through
 * the servlet "Engine Api", registered here before Camunda's starter would register it (the starter keeps a
 * registration it finds) with the same application and these mappers besides.
 */
@Configuration
public class EngineConflictAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConflictAnswers.class);

    /** The webapps' servlet of the engine API, as Camunda's starter names it ({@code CamundaBpmWebappInitializer}). */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    public ResourceConfigCustomizer engineRestConflictAnswers(OrganisationRepository organisation) {
        return config -> register(config, organisation);
    }

    @Bean
    public ServletContextInitializer webappEngineApiConflictAnswers(CamundaBpmProperties camunda,
                                                                    OrganisationRepository organisation) {
        String mapping = camunda.getWebapp().getApplicationPath() + "/api/engine/*";
        return new WebappEngineApi(mapping,
            register(ResourceConfig.forApplicationClass(EngineRestApplication.class), organisation));
    }

    private static ResourceConfig register(ResourceConfig config, OrganisationRepository organisation) {
        return config.register(new Claimed(assignee -> organisation.displayName(assignee)
                .or(() -> Optional.of(assignee))))
            .register(new Changed())
            .register(new Gone());
    }

    /** A claim that lost: someone holds the task (named when the ledger knows them). */
    static final class Claimed implements ExceptionMapper<TaskAlreadyClaimedException> {

        private final Function<String, Optional<String>> names;

        Claimed(Function<String, Optional<String>> names) {
            this.names = names;
        }

        @Override
        public Response toResponse(TaskAlreadyClaimedException claimed) {
            String assignee = claimed.getTaskAssignee();
            return answer(Response.Status.CONFLICT, claimed, EngineMessages.forWebapp(409, claimed.getMessage(),
                () -> assignee == null ? Optional.empty() : names.apply(assignee)));
        }
    }

    /** A change that lost to a colleague's change of the same task or execution. */
    static final class Changed implements ExceptionMapper<OptimisticLockingException> {

        @Override
        public Response toResponse(OptimisticLockingException changed) {
            return answer(Response.Status.CONFLICT, changed, Optional.of(EngineMessages.CONCURRENT));
        }
    }

    /** A task that a colleague completed while the user was opening or claiming it. */
    static final class Gone implements ExceptionMapper<TaskGoneException> {

        @Override
        public Response toResponse(TaskGoneException gone) {
            return answer(Response.Status.NOT_FOUND, gone, Optional.of(EngineMessages.TASK_GONE));
        }
    }

    private static Response answer(Response.Status status, ProcessEngineException conflict, Optional<String> advice) {
        LOG.debug("Answered {} to a conflict between colleagues: {}", status.getStatusCode(), conflict.getMessage());
        ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(conflict);
        advice.ifPresent(body::setMessage);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Registers the webapps' engine API servlet before Camunda's starter does. */
    private record WebappEngineApi(String mapping, ResourceConfig application)
        implements ServletContextInitializer, Ordered {

        @Override
        public void onStartup(ServletContext servletContext) {
            ServletRegistration.Dynamic servlet = servletContext.addServlet(WEBAPP_ENGINE_API,
                new ServletContainer(application));
            if (servlet == null) {
                throw new IllegalStateException("The servlet \"" + WEBAPP_ENGINE_API + "\" was registered before "
                    + "the webapps' conflict answers could be added to it");
            }
            servlet.addMapping(mapping);
        }

        @Override
        public int getOrder() {
            // before Camunda's CamundaBpmWebappInitializer (not ordered: the lowest precedence)
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}

package org.rectiflow.guard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Drops two of the engine's {@code Exception while closing command context} lines (logger
 * {@code org.camunda.bpm.engine.context}, each with a stack of about 150 lines): the ERROR {@code ENGINE-16004} when
 * the command failed on a {@link FormFieldValidationException}, a form the user must correct, which the guarded
 * completion has already logged as one WARN line ({@link FormRefusals}); and the INFO {@code ENGINE-16003} when it
 * failed on a {@link TaskAlreadyClaimedException}, a claim a colleague won, an ordinary conflict the REST APIs answer
 * with 409 (and log at DEBUG: {@code security/EngineConflictAnswers}). Every other failure keeps the engine's line.
 * The engine itself logs authorization refusals, bad requests (a task gone: {@link TaskGoneException}) and optimistic
 * locking failures at DEBUG.
 *
 * <p>Installed into Logback right after Spring Boot (re)initialises logging, so it survives Boot's reset of the
 * logger context and needs no logback configuration file of its own (registered in {@code META-INF/spring.factories}).
 */
public class EngineRefusalLogFilter extends TurboFilter
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())
            || level != Level.ERROR && level != Level.INFO) {
            return FilterReply.NEUTRAL;
        }
        // the engine's loggers pass the exception as the last parameter of the message, not as the throwable
        Throwable thrown = t != null ? t
            : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        boolean dropped = level == Level.ERROR ? isFormRefusal(thrown) : thrown instanceof TaskAlreadyClaimedException;
        return dropped ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isFormRefusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FormFieldValidationException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        install();
    }

    /** Adds the filter to Logback's context once (nothing when another logging system is in use). */
    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (context.getTurboFilterList().stream().noneMatch(EngineRefusalLogFilter.class::isInstance)) {
            EngineRefusalLogFilter filter = new EngineRefusalLogFilter();
            filter.setName("rectiflow-engine-refusals");
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public int getOrder() {
        // after Spring Boot's logging listener, which resets Logback's context when it initialises logging
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}

package org.rectiflow.common.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.rectiflow.clue.ClueProperties;
import org.rectiflow.common.EngineClock;
import org.rectiflow.plan.PlanProperties;
import org.rectiflow.supervision.EscalationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings as application.yml ships them, bound the way Spring Boot binds them but without a context: the
 * rule tests check "the configured ladder", not numbers of their own.
 */
final class Settings {

    private static final Binder BINDER = binder();

    private Settings() {
    }

    static EscalationProperties escalation() {
        return BINDER.bind("rectiflow.escalation", EscalationProperties.class).get();
    }

    static ClueProperties clue() {
        return BINDER.bind("rectiflow.clue", ClueProperties.class).get();
    }

    static PlanProperties plan() {
        return BINDER.bind("rectiflow.plan", PlanProperties.class).get();
    }

    /** The engine clock of the configured zone and deadline time. */
    static EngineClock clock() {
        return new EngineClock(BINDER.bind("rectiflow.zone", String.class).get(),
            BINDER.bind("rectiflow.deadline-time", String.class).orElse("18:00"));
    }

    private static Binder binder() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.rectiflow.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.rectiflow.identity.PasswordRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the {@code prod} profile without the settings every site must give: the PostgreSQL
 * connection and the first administrator; and with a shared password for the users of a users file (under
 * {@code prod} people are created in Admin with their own passwords, and placed through {@code /api/organisation}). Runs before any bean, so nothing touches a database first; the
 * message names each missing environment variable ({@link MissingProductionSettingsException}).
 */
public class ProductionSettings implements EnvironmentPostProcessor {

    public static final String PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        if (!active.contains(PROFILE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (active.contains("demo")) {
            problems.add("the demo profile (demo users with the password \"demo\") cannot run with prod");
        }
        String url = environment.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            problems.add("SPRING_DATASOURCE_URL is not set (jdbc:postgresql://host:5432/database)");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("SPRING_DATASOURCE_URL must be a PostgreSQL URL (jdbc:postgresql://…), not "
                + url.substring(0, Math.min(url.length(), 40)));
        }
        if (!active.contains("demo")
            && StringUtils.hasText(environment.getProperty("rectiflow.organisation.demo-password"))) {
            // people get their own passwords in Admin; the organisation comes from /api/organisation
            problems.add("RECTIFLOW_ORGANISATION_DEMOPASSWORD is set: under prod every user's password is set in Admin, "
                + "none is shared (rectiflow.organisation.demo-password)");
        }
        require(environment, "spring.datasource.username", "SPRING_DATASOURCE_USERNAME", problems);
        require(environment, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", problems);
        require(environment, "rectiflow.admin.user", "RECTIFLOW_ADMIN_USER", problems);
        if (require(environment, "rectiflow.admin.password", "RECTIFLOW_ADMIN_PASSWORD", problems)) {
            // the administrator as the engine will create it (camunda.bpm.admin-user, with the profile's defaults)
            UserEntity admin = new UserEntity(environment.getProperty("rectiflow.admin.user", ""));
            admin.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
            admin.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
            admin.setEmail(environment.getProperty("camunda.bpm.admin-user.email"));
            List<String> broken = passwordPolicyViolations(environment.getProperty("rectiflow.admin.password"), admin);
            if (!broken.isEmpty()) {
                problems.add("RECTIFLOW_ADMIN_PASSWORD does not meet the password policy: " + String.join("；", broken));
            }
        }
        if (!problems.isEmpty()) {
            throw new MissingProductionSettingsException(problems);
        }
    }

    private static boolean require(ConfigurableEnvironment environment, String property, String variable,
                                   List<String> problems) {
        if (StringUtils.hasText(environment.getProperty(property))) {
            return true;
        }
        problems.add(variable + " is not set (" + property + ")");
        return false;
    }

    /**
     * The rules of the password policy (the one the engine enforces when it saves the user,
     * {@link PasswordRules}) that the password breaks, each as its Chinese sentence.
     */
    static List<String> passwordPolicyViolations(String password, User user) {
        return new PasswordRules().violations(password, user);
    }

    /** The prod profile lacks settings; each entry names one. */
    public static class MissingProductionSettingsException extends IllegalStateException {

        private final List<String> problems;

        public MissingProductionSettingsException(List<String> problems) {
            super("The prod profile cannot start: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}

package org.rectiflow.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine checks a user's authorizations with the user's groups as they are, instead of first reading which
 * groups hold any authorization at all.
 * <p>
 * Before every command that checks authorizations, the engine's {@link AuthorizationManager} narrows the user's
 * groups to those named in some authorization, and to know them it reads
 * {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A}: every row of the table, once per command. Here
 * that table grows with the work (the engine grants each candidate group its task, the application grants each unit
 * its measures' instances: about six rows per measure), so at 100,000 open measures (593,000 rows) the statement took
 * 61 ms on PostgreSQL, once or twice in every request a user makes (docs/benchmarks.md, tuning log). The narrowing
 * serves directories that give a user hundreds of groups; this application's users have a few, and a group without
 * an authorization matches no row of any check, so leaving it in changes no answer.
 * <p>
 * Registered as a custom session factory for {@link AuthorizationManager} (the engine's own extension point: a
 * custom factory replaces the default of the same session type), it opens a manager that keeps every group.
 */
@Component
public class AuthorizationGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, but the user's groups go into each check as the user has them. */
    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}

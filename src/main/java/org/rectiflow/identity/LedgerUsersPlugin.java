package org.rectiflow.identity;

import java.sql.Timestamp;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The ledger's people follow the engine's users: a user created, renamed or deleted in Admin (or through the REST
 * user API, or by the organisation loader) and a membership added or removed there change {@code org_user} and
 * {@code org_membership} in the same transaction. So a leader created in Admin is a leader a round may name, a
 * liaison added to a unit's group in Admin belongs to that unit, and no users file is needed under {@code prod}.
 * The engine's own identity provider does the work; this one only adds the ledger's side.
 */
@Component
public class LedgerUsersPlugin extends AbstractProcessEnginePlugin {

    private final OrganisationRepository repository;

    public LedgerUsersPlugin(OrganisationRepository repository) {
        this.repository = repository;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return DbIdentityServiceProvider.class;
            }

            @Override
            public Session openSession() {
                return new LedgerIdentityProvider(repository);
            }
        });
    }

    /** The engine's database identity provider, whose writes the ledger follows. */
    static final class LedgerIdentityProvider extends DbIdentityServiceProvider {

        private final OrganisationRepository repository;

        LedgerIdentityProvider(OrganisationRepository repository) {
            this.repository = repository;
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            IdentityOperationResult result = super.saveUser(user);
            follow(user);
            return result;
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            IdentityOperationResult result = super.deleteUser(userId);
            repository.removeUser(userId, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            return result;
        }

        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            IdentityOperationResult result = super.createMembership(userId, groupId);
            User user = getDbEntityManager().selectById(UserEntity.class, userId);
            if (user != null) {
                follow(user);
                repository.saveMembership(userId, groupId);
                repository.joinUnitIfNone(userId, groupId);
            }
            return result;
        }

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            IdentityOperationResult result = super.deleteMembership(userId, groupId);
            repository.deleteMembership(userId, groupId);
            return result;
        }

        private void follow(User user) {
            repository.followUser(user.getId(), displayName(user), user.getEmail());
        }
    }

    /** The name the ledger prints for a user: family name then given name, as Chinese names are written. */
    static String displayName(User user) {
        return PersonNames.display(user);
    }
}

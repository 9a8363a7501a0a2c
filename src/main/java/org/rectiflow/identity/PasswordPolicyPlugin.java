package org.rectiflow.identity;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link PasswordRules} into the engine and makes a refused password a user error. The engine checks its
 * policy when it saves a user with a new password (REST {@code user/create} and {@code …/credentials}, the
 * Admin webapp, the administrator of the settings, the organisation's users) but answers a failure with a
 * plain {@code ProcessEngineException} ("Password does not match policy", HTTP 500). This plugin's identity
 * service turns it into a {@link BadUserRequestException} naming each broken rule in Chinese, which the REST
 * API answers with 400 and logs at debug level only. Whether the policy applies stays the engine's
 * {@code enablePasswordPolicy} (off in the demo and test profiles, whose users have the password "demo").
 */
@Component
public class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordPolicy(new PasswordRules());
        configuration.setIdentityService(new CheckingIdentityService());
    }

    /**
     * The engine's identity service, whose policy check fails with the rules' sentences while it saves a user.
     * The engine's save command asks {@link #checkPasswordAgainstPolicy(String, User)} with the candidate
     * password (it holds it nowhere else); outside a save (the Admin's live check, {@code POST
     * identity/password-policy}) the result is returned as always.
     */
    static final class CheckingIdentityService extends IdentityServiceImpl {

        private static final ThreadLocal<Boolean> SAVING = new ThreadLocal<>();

        @Override
        public void saveUser(User user) {
            saveUser(user, false);
        }

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            Boolean outer = SAVING.get();
            SAVING.set(Boolean.TRUE);
            try {
                super.saveUser(user, skipPasswordPolicy);
            } finally {
                if (outer == null) {
                    SAVING.remove();
                }
            }
        }

        @Override
        public PasswordPolicyResult checkPasswordAgainstPolicy(String candidatePassword, User user) {
            PasswordPolicyResult result = super.checkPasswordAgainstPolicy(candidatePassword, user);
            if (SAVING.get() != null && !result.isValid()) {
                List<String> broken = result.getViolatedRules().stream().map(PasswordRules::message).toList();
                throw new BadUserRequestException(String.join("；", broken));
            }
            return result;
        }
    }
}

package org.rectiflow.identity;

import java.util.List;
import java.util.Map;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * The password policy of every account (the engine's, set by {@link PasswordPolicyPlugin}): at least
 * {@value #MIN_LENGTH} characters; not a common password nor a simple variation of one; not the user's id,
 * name or e-mail. "Common" is the judgement of nbvcxz (a Java port of Dropbox's zxcvbn): it takes the password
 * apart into entries of its word lists (100,000 leaked passwords, English words, names), keyboard patterns,
 * sequences, repeats, dates and character swaps ({@code P@ssw0rd}), and refuses a password that its
 * estimate can guess in fewer than 2^35 tries (the library's own minimum). No character classes are demanded:
 * length and unguessability count, as NIST SP 800-63B advises.
 *
 * <p>Each rule carries a placeholder the Admin webapp translates ({@code PASSWORD_POLICY_LENGTH} with
 * {@code minLength}, {@code PASSWORD_POLICY_COMMON}, {@code PASSWORD_POLICY_USER_DATA}) and the Chinese
 * sentence a refusal names.
 */
public class PasswordRules implements PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private final List<PasswordPolicyRule> rules = List.of(new Length(), new NotCommon(), new NoUserData());

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** The Chinese sentences of the rules the password breaks for this user (null: no user); empty if none. */
    public List<String> violations(String password, User user) {
        return rules.stream().filter(rule -> !rule.execute(password == null ? "" : password, user))
            .map(PasswordRules::message).toList();
    }

    /** The Chinese sentence of a rule (of this policy). */
    public static String message(PasswordPolicyRule rule) {
        return rule instanceof Explained explained ? explained.message() : rule.getPlaceholder();
    }

    /** A rule that says, in Chinese, what a refused password lacks. */
    interface Explained {
        String message();
    }

    static final class Length implements PasswordPolicyRule, Explained {
        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_LENGTH";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("minLength", Integer.toString(MIN_LENGTH));
        }

        @Override
        public boolean execute(String password) {
            return password.codePointCount(0, password.length()) >= MIN_LENGTH;
        }

        @Override
        public String message() {
            return "密码至少需要" + MIN_LENGTH + "个字符";
        }
    }

    static final class NotCommon implements PasswordPolicyRule, Explained {
        /** The library's own minimum, in bits: 2^35 guesses. */
        private static final double MIN_ENTROPY = ConfigurationBuilder.getDefaultMinimumEntropy();
        private static final Nbvcxz ESTIMATOR = new Nbvcxz();

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_COMMON";
        }

        @Override
        public Map<String, String> getParameters() {
            return null;
        }

        @Override
        public boolean execute(String password) {
            if (password.isEmpty()) {
                return false;
            }
            synchronized (ESTIMATOR) {
                return ESTIMATOR.estimate(password).getEntropy() >= MIN_ENTROPY;
            }
        }

        @Override
        public String message() {
            return "密码过于常见，容易被猜到，请换一个";
        }
    }

    /** The engine's own rule (the id, first or last name or e-mail inside the password), explained. */
    static final class NoUserData extends PasswordPolicyUserDataRuleImpl implements Explained {
        @Override
        public String message() {
            return "密码不得包含用户名、姓名或电子邮箱";
        }
    }
}

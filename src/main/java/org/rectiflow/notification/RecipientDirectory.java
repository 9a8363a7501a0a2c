package org.rectiflow.notification;

import java.util.Optional;

import org.camunda.bpm.engine.identity.User;
import org.rectiflow.identity.PersonNames;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Recipients' addresses and names from the Camunda identity (the users of the organisation's users file, or
 * as an administrator edits them in Admin). Read without the current user's authorizations: whoever's action
 * queues a notification, its recipients are looked up the same way.
 */
@Component
public class RecipientDirectory {

    private final ProcessEngineConfigurationImpl engine;

    public RecipientDirectory(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** The user's e-mail address, if the user exists and has one. */
    public Optional<String> email(String userId) {
        return user(userId).map(User::getEmail).filter(e -> !e.isBlank()).map(String::strip);
    }

    /** The user's name as the office writes it (姓名: last name first), or the id of an unknown user. */
    public String displayName(String userId) {
        return user(userId).map(RecipientDirectory::name).filter(n -> !n.isBlank()).orElse(userId);
    }

    private Optional<User> user(String userId) {
        Command<User> find = context -> context.runWithoutAuthorization(
            () -> context.getReadOnlyIdentityProvider().findUserById(userId));
        return Optional.ofNullable(engine.getCommandExecutorTxRequired().execute(find));
    }

    private static String name(User user) {
        return PersonNames.display(user);
    }
}

package org.rectiflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers notifications to the application log (logger {@code rectiflow.notifications}): for the demo and
 * development; on unless {@code rectiflow.notification.log.enabled=false}. One INFO line per message (key,
 * recipient, subject); the text itself, often a task list of many lines, only at DEBUG
 * ({@code logging.level.rectiflow.notifications=DEBUG}).
 */
@Component
@ConditionalOnProperty(name = "rectiflow.notification.log.enabled", havingValue = "true", matchIfMissing = true)
public class LogChannel implements NotificationChannel {

    public static final String NAME = "LOG";

    private static final Logger LOG = LoggerFactory.getLogger("rectiflow.notifications");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboxEntry entry) {
        LOG.info("Notification {} to {}: {}", entry.key(), entry.recipient(), entry.subject());
        LOG.debug("Notification {} text:\n{}", entry.key(), entry.body());
    }
}

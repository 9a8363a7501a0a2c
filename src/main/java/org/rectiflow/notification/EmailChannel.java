package org.rectiflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers notifications by e-mail, one message per recipient, to the address of the user in the Camunda
 * identity, over the SMTP server of {@code spring.mail.*}. On when {@code rectiflow.notification.email.enabled}
 * is true (then {@code email.from} and {@code spring.mail.host} are required).
 * <p>
 * A user without an e-mail address gets no e-mail row at all ({@link #accepts}): nothing is queued that could
 * only fail. The message's {@code Message-ID} is derived from the outbox key, so a message sent again (see
 * {@link OutboxDispatcher}) carries the same id and mail systems can recognise the duplicate.
 */
@Component
@ConditionalOnProperty(name = "rectiflow.notification.email.enabled", havingValue = "true")
public class EmailChannel implements NotificationChannel {

    public static final String NAME = "EMAIL";

    static final String FOOTER = "\n\n（本邮件由整改通系统自动发送，请勿直接回复。）";

    private final JavaMailSender sender;
    private final RecipientDirectory directory;
    private final String from;
    private final String domain;

    public EmailChannel(ObjectProvider<JavaMailSender> sender, RecipientDirectory directory,
                        NotificationProperties properties) {
        this.sender = sender.getIfAvailable();
        if (this.sender == null) {
            throw new IllegalStateException("rectiflow.notification.email.enabled is true but no SMTP server is "
                + "configured: set spring.mail.host (and spring.mail.port, spring.mail.username, …)");
        }
        checkTimeouts(this.sender, properties.lease());
        this.directory = directory;
        this.from = properties.email().from();
        this.domain = properties.email().domain();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String recipient) {
        return directory.email(recipient).isPresent();
    }

    @Override
    public void deliver(OutboxEntry entry) throws Exception {
        String to = directory.email(entry.recipient()).orElseThrow(
            () -> new IllegalStateException("user " + entry.recipient() + " has no e-mail address (any more)"));
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(entry.subject());
        helper.setText(entry.body() + FOOTER, false);
        // JavaMailSenderImpl keeps an explicitly set Message-ID through saveChanges()
        message.setHeader("Message-ID", messageId(entry.key(), domain));
        sender.send(message);
    }

    /** The Message-ID of an outbox row: a hash of its key (keys may hold characters an id may not), at the sender's domain. */
    public static String messageId(String outboxKey, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(outboxKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".rectiflow@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JavaMail waits forever by default: a hung SMTP server would outlast the lease and the message would be sent
     * twice. Every timeout must be set (application.yml does) and shorter than the lease.
     */
    private static void checkTimeouts(JavaMailSender sender, Duration lease) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return;
        }
        String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
        Properties properties = impl.getJavaMailProperties();
        for (String name : List.of("connectiontimeout", "timeout", "writetimeout")) {
            String key = "mail." + protocol + "." + name;
            String value = properties.getProperty(key);
            long millis;
            try {
                millis = value == null ? -1 : Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                millis = -1;
            }
            if (millis <= 0 || millis >= lease.toMillis()) {
                throw new IllegalStateException("spring.mail.properties." + key + " must be set, in milliseconds, "
                    + "below rectiflow.notification.lease (" + lease + "), not " + value);
            }
        }
    }
}

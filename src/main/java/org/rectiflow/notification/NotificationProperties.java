package org.rectiflow.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox's delivery, from {@code rectiflow.notification.*}; every value is checked at start and a bad one
 * stops the application with the property's name. See docs/notifications.md.
 *
 * @param dispatchEnabled  whether this node's dispatcher runs on its schedule (off in tests, which call it)
 * @param dispatchInterval the pause between two dispatcher passes (PT10S)
 * @param batchSize        the rows one query of a pass looks at (100)
 * @param lease            how long a node holds a row it has claimed (PT2M); longer than any delivery may take,
 *                         so it must exceed the webhook's connect + read timeout and the SMTP timeouts
 * @param retry            the backoff of failed deliveries
 * @param log              the log channel (on unless switched off)
 * @param email            the e-mail channel (off unless enabled)
 * @param webhook          the webhook channel (off unless a URL is set)
 */
@ConfigurationProperties("rectiflow.notification")
public record NotificationProperties(Boolean dispatchEnabled, Duration dispatchInterval, Integer batchSize,
                                     Duration lease, Retry retry, Log log, Email email, Webhook webhook) {

    private static final String PREFIX = "rectiflow.notification.";

    public NotificationProperties {
        dispatchEnabled = dispatchEnabled == null || dispatchEnabled;
        dispatchInterval = positive(dispatchInterval, Duration.ofSeconds(10), "dispatch-interval");
        batchSize = batchSize == null ? 100 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException(PREFIX + "batch-size must be at least 1, not " + batchSize);
        }
        lease = positive(lease, Duration.ofMinutes(2), "lease");
        retry = retry == null ? new Retry(null, null, null, null) : retry;
        log = log == null ? new Log(null) : log;
        email = email == null ? new Email(null, null) : email;
        webhook = webhook == null ? new Webhook(null, null, null, null) : webhook;
        Duration webhookTime = webhook.connectTimeout().plus(webhook.readTimeout());
        if (webhook.enabled() && lease.compareTo(webhookTime) <= 0) {
            throw new IllegalArgumentException(PREFIX + "lease (" + lease + ") must exceed the webhook's "
                + "connect-timeout + read-timeout (" + webhookTime + "): a delivery still running when its lease "
                + "ends would be sent twice");
        }
    }

    /**
     * The backoff after a failed delivery: the n-th failure waits {@code initialInterval × multiplier^(n-1)},
     * at most {@code maxInterval}; after {@code maxAttempts} attempts the row is FAILED (kept as a dead letter).
     */
    public record Retry(Duration initialInterval, Double multiplier, Duration maxInterval, Integer maxAttempts) {

        public Retry {
            initialInterval = positive(initialInterval, Duration.ofSeconds(30), "retry.initial-interval");
            multiplier = multiplier == null ? 2.0 : multiplier;
            if (!(multiplier >= 1.0) || multiplier.isInfinite()) {
                throw new IllegalArgumentException(PREFIX + "retry.multiplier must be 1 or more, not " + multiplier);
            }
            maxInterval = positive(maxInterval, Duration.ofHours(1), "retry.max-interval");
            if (maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException(PREFIX + "retry.max-interval (" + maxInterval
                    + ") must not be shorter than retry.initial-interval (" + initialInterval + ")");
            }
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(PREFIX + "retry.max-attempts must be at least 1, not " + maxAttempts);
            }
        }

        /** The wait after the given number of failed attempts (1 for the first failure). */
        public Duration backoff(int failures) {
            double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
            return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
        }
    }

    /** The log channel (logger {@code rectiflow.notifications}): for the demo and development. */
    public record Log(Boolean enabled) {

        public Log {
            enabled = enabled == null || enabled;
        }
    }

    /**
     * The e-mail channel: one message per recipient with an e-mail address in the Camunda identity, over the
     * SMTP server of {@code spring.mail.*}.
     *
     * @param enabled whether notifications go out by e-mail (false by default)
     * @param from    the sender, required when enabled: {@code noreply@example.org} or {@code 整改通 <noreply@example.org>}
     */
    public record Email(Boolean enabled, String from) {

        public Email {
            enabled = enabled != null && enabled;
            from = from == null || from.isBlank() ? null : from.strip();
            if (enabled && from == null) {
                throw new IllegalArgumentException(PREFIX + "email.from must be set when " + PREFIX
                    + "email.enabled is true");
            }
            if (from != null) {
                try {
                    new InternetAddress(from, true);
                } catch (AddressException e) {
                    throw new IllegalArgumentException(PREFIX + "email.from is not an e-mail address: '" + from
                        + "' (" + e.getMessage() + ")");
                }
            }
        }

        /** The sender's domain, for the Message-ID. */
        public String domain() {
            try {
                String address = new InternetAddress(from, true).getAddress();
                return address.substring(address.lastIndexOf('@') + 1);
            } catch (AddressException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The webhook channel: one JSON POST per notification (not per recipient), naming the recipients.
     *
     * @param url            where to POST (http or https); no URL, no webhook channel
     * @param format         {@code generic} (the notification as JSON), {@code wecom} (企业微信群机器人) or
     *                       {@code dingtalk} (钉钉群机器人): both chat robots take a text message
     * @param connectTimeout PT5S
     * @param readTimeout    the time to the answer's headers, PT10S
     */
    public record Webhook(String url, String format, Duration connectTimeout, Duration readTimeout) {

        public Webhook {
            url = url == null || url.isBlank() ? null : url.strip();
            if (url != null) {
                checkUrl(url);
            }
            format = format == null || format.isBlank() ? WebhookFormat.GENERIC.value() : format.strip();
            WebhookFormat.parse(format);
            connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "webhook.connect-timeout");
            readTimeout = positive(readTimeout, Duration.ofSeconds(10), "webhook.read-timeout");
        }

        public boolean enabled() {
            return url != null;
        }

        public URI uri() {
            return URI.create(url);
        }

        public WebhookFormat webhookFormat() {
            return WebhookFormat.parse(format);
        }

        private static void checkUrl(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(PREFIX + "webhook.url is not a URL: '" + url + "' (" + e.getMessage()
                    + ")");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(PREFIX + "webhook.url must be an http or https URL with a host, not '"
                    + url + "'");
            }
        }
    }

    /** The body the webhook posts. */
    public enum WebhookFormat {
        GENERIC, WECOM, DINGTALK;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static WebhookFormat parse(String value) {
            return Arrays.stream(values()).filter(f -> f.value().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PREFIX + "webhook.format must be one of "
                    + Arrays.stream(values()).map(WebhookFormat::value).collect(Collectors.joining(", "))
                    + ", not '" + value + "'"));
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration, not " + d);
        }
        return d;
    }
}

package org.rectiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The notification settings as Spring binds them at start: defaults, and a bad value named in the error. */
class NotificationPropertiesTest {

    @Test
    void defaultsLogOnlyWithTheDocumentedRetries() {
        NotificationProperties properties = bind(Map.of());

        assertThat(properties.dispatchEnabled()).isTrue();
        assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.log().enabled()).isTrue();
        assertThat(properties.email().enabled()).isFalse();
        assertThat(properties.webhook().enabled()).isFalse();
        assertThat(properties.retry().maxAttempts()).isEqualTo(10);
        assertThat(properties.retry().backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retry().backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retry().backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(properties.retry().backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.retry().backoff(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWebhookWithItsFormat() {
        NotificationProperties properties = bind(Map.of("webhook.url", "https://oapi.dingtalk.com/robot/send?access_token=x",
            "webhook.format", "DingTalk"));

        assertThat(properties.webhook().enabled()).isTrue();
        assertThat(properties.webhook().webhookFormat()).isEqualTo(NotificationProperties.WebhookFormat.DINGTALK);
    }

    @Test
    void aBadSettingStopsTheStartNamingTheProperty() {
        assertFails(Map.of("webhook.url", "not a url"), "rectiflow.notification.webhook.url");
        assertFails(Map.of("webhook.url", "ftp://example.org/hook"), "rectiflow.notification.webhook.url");
        assertFails(Map.of("webhook.url", "http://example.org/hook", "webhook.format", "slack"),
            "rectiflow.notification.webhook.format must be one of generic, wecom, dingtalk, not 'slack'");
        assertFails(Map.of("email.enabled", "true"), "rectiflow.notification.email.from must be set");
        assertFails(Map.of("email.enabled", "true", "email.from", "nobody"), "rectiflow.notification.email.from");
        assertFails(Map.of("retry.max-attempts", "0"), "rectiflow.notification.retry.max-attempts");
        assertFails(Map.of("retry.initial-interval", "PT2H"), "rectiflow.notification.retry.max-interval");
        assertFails(Map.of("webhook.url", "http://example.org/hook", "webhook.read-timeout", "PT3M"),
            "rectiflow.notification.lease");
    }

    private static void assertFails(Map<String, String> settings, String message) {
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(() -> bind(settings));
        failure.rootCause().hasMessageContaining(message);
    }

    private static NotificationProperties bind(Map<String, String> settings) {
        Map<String, String> source = new HashMap<>();
        settings.forEach((name, value) -> source.put("rectiflow.notification." + name, value));
        return new Binder(new MapConfigurationPropertySource(source))
            .bindOrCreate("rectiflow.notification", NotificationProperties.class);
    }
}

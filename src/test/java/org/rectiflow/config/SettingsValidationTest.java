package org.rectiflow.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.rectiflow.lookback.LookBackProperties;
import org.rectiflow.plan.PlanProperties;
import org.rectiflow.supervision.EscalationProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.rectiflow.RectiflowApplication;

/** Settings out of range stop the application with a message that names the setting. */
class SettingsValidationTest {

    @Test
    void aCommentRoundCountBelowOneIsRefused() {
        assertThatThrownBy(() -> new PlanProperties(0, Period.ofDays(7), 2))
            .hasMessageContaining("rectiflow.plan.comment-rounds").hasMessageContaining("at least 1");
    }

    @Test
    void aLookBackShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new LookBackProperties(Period.ofMonths(6), 0, Period.ofDays(30)))
            .hasMessageContaining("rectiflow.look-back.share");
        assertThatThrownBy(() -> new LookBackProperties(Period.ofMonths(6), 1.5, Period.ofDays(30)))
            .hasMessageContaining("rectiflow.look-back.share");
    }

    @Test
    void aLadderWhoseAmberComesBeforeItsGreenIsRefused() {
        assertThatThrownBy(() -> new EscalationProperties(5, 10, Period.ofDays(7), 30))
            .hasMessageContaining("green-days-before");
    }

    @Test
    void theApplicationDoesNotStartWithABadShare() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RectiflowApplication.class)
            .profiles("test").run("--rectiflow.look-back.share=2", "--server.port=0").close())
            .rootCause().hasMessageContaining("rectiflow.look-back.share must lie in (0, 1], not 2.0");
    }

    @Test
    void theApplicationDoesNotStartWithAnUnknownWebhookFormat() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RectiflowApplication.class)
            .profiles("test").run("--rectiflow.notification.webhook.url=http://127.0.0.1:9/hook",
                "--rectiflow.notification.webhook.format=slack", "--server.port=0").close())
            .rootCause().hasMessageContaining(
                "rectiflow.notification.webhook.format must be one of generic, wecom, dingtalk, not 'slack'");
    }

    @Test
    void theApplicationDoesNotStartWithEmailOnButNoSmtpServer() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RectiflowApplication.class)
            .profiles("test").run("--rectiflow.notification.email.enabled=true",
                "--rectiflow.notification.email.from=noreply@rectiflow.local", "--server.port=0").close())
            .rootCause().hasMessageContaining("rectiflow.notification.email.enabled is true")
            .hasMessageContaining("spring.mail.host");
    }
}

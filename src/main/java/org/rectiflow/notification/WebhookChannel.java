package org.rectiflow.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rectiflow.notification.NotificationProperties.WebhookFormat;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Posts each notification once, as JSON, to {@code rectiflow.notification.webhook.url}: one row per
 * notification naming all its recipients (a chat group hears it once, not once per person). On when the URL is
 * set. {@code webhook.format}:
 * <ul>
 *   <li>{@code generic}: {@code {"key", "recipients" (user ids), "subject", "body", "measureCode"}};</li>
 *   <li>{@code wecom} (企业微信) and {@code dingtalk} (钉钉) group robots: {@code {"msgtype":"text","text":{"content":
 *       "subject\nbody\n接收人：names"}}}; their answer {@code {"errcode":…}} must be 0.</li>
 * </ul>
 * Every request carries {@code Idempotency-Key: <outbox key>}, the same when a request is sent again; any
 * answer but 2xx is a failure to retry. Connect and read timeouts are {@code webhook.connect-timeout} and
 * {@code read-timeout}.
 */
@Component
@Conditional(WebhookChannel.UrlSet.class)
public class WebhookChannel implements NotificationChannel {

    public static final String NAME = "WEBHOOK";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** 企业微信 takes at most 2048 bytes of text content. */
    static final int WECOM_MAX_BYTES = 2048;

    private final RestClient client;
    private final URI url;
    private final WebhookFormat format;
    private final RecipientDirectory directory;
    private final ObjectMapper json;

    public WebhookChannel(NotificationProperties properties, RecipientDirectory directory, ObjectMapper json) {
        NotificationProperties.Webhook webhook = properties.webhook();
        if (!webhook.enabled()) {
            throw new IllegalStateException("rectiflow.notification.webhook.url is not set");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(webhook.connectTimeout()).build());
        requests.setReadTimeout(webhook.readTimeout());
        this.client = RestClient.builder().requestFactory(requests).build();
        this.url = webhook.uri();
        this.format = webhook.webhookFormat();
        this.directory = directory;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Scope scope() {
        return Scope.NOTIFICATION;
    }

    @Override
    public void deliver(OutboxEntry entry) throws Exception {
        String answer = client.post().uri(url)
            .contentType(MediaType.APPLICATION_JSON)
            .header(IDEMPOTENCY_KEY, headerValue(entry.key()))
            .body(json.writeValueAsString(payload(entry)))
            .retrieve()
            .body(String.class);
        if (format != WebhookFormat.GENERIC) {
            checkRobotAnswer(answer);
        }
    }

    /** The JSON body of a row in this channel's format. */
    Map<String, Object> payload(OutboxEntry entry) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (format == WebhookFormat.GENERIC) {
            payload.put("key", entry.notification().text());
            payload.put("recipients", entry.recipients());
            payload.put("subject", entry.subject());
            payload.put("body", entry.body());
            payload.put("measureCode", entry.measureCode());
            return payload;
        }
        String content = entry.subject() + "\n" + entry.body() + "\n接收人："
            + entry.recipients().stream().map(directory::displayName).collect(Collectors.joining("、"));
        if (format == WebhookFormat.WECOM) {
            content = truncateUtf8(content, WECOM_MAX_BYTES);
        }
        payload.put("msgtype", "text");
        payload.put("text", Map.of("content", content));
        return payload;
    }

    private void checkRobotAnswer(String answer) throws Exception {
        if (answer == null || answer.isBlank()) {
            return;
        }
        JsonNode node = json.readTree(answer);
        JsonNode code = node.get("errcode");
        if (code != null && code.asInt(-1) != 0) {
            throw new IllegalStateException(format.value() + " robot refused the message: " + answer);
        }
    }

    /** Keys are ASCII (codes and ids); anything else is percent-encoded to keep the header legal. */
    private static String headerValue(String key) {
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? key : URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    static String truncateUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String ellipsis = "……";
        int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > budget) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out + ellipsis;
    }

    /** The channel exists when {@code rectiflow.notification.webhook.url} is set and not blank. */
    static class UrlSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("rectiflow.notification.webhook.url"));
        }
    }
}

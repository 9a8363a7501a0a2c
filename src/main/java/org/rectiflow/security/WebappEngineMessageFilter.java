package org.rectiflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The webapps' engine API ({@code /camunda/api/engine/*}, what the Tasklist and Cockpit call) answers a refusal in
 * Chinese: the {@code message} of a 4xx or 5xx JSON answer that {@link EngineMessages} recognises becomes its advice
 * (该任务已办结或已不存在，请刷新任务列表, 您没有执行此操作的权限…), and any other 500 the generic
 * {@link EngineMessages#FAULT}; the rest of the JSON stays. The REST API for scripts ({@code /engine-rest}) keeps the
 * engine's English (docs/api.md).
 */
class WebappEngineMessageFilter extends OncePerRequestFilter {

    private static final Pattern TASK_ID = Pattern.compile(".*/task/([^/]+)/claim");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a task now, by its id: the assignee's name as the ledger keeps it. */
    private final Function<String, Optional<String>> claimerOfTask;

    WebappEngineMessageFilter(Function<String, Optional<String>> claimerOfTask) {
        this.claimerOfTask = claimerOfTask;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() >= HttpServletResponse.SC_BAD_REQUEST) {
                Matcher claim = TASK_ID.matcher(RequestPathFirewall.normalisedPath(request));
                String taskId = claim.matches() ? claim.group(1) : null;
                byte[] translated = translated(answer.getStatus(), answer.getContentAsByteArray(),
                    () -> taskId == null ? Optional.empty() : claimerOfTask.apply(taskId));
                if (translated != null) {
                    answer.resetBuffer();
                    answer.setContentType("application/json;charset=UTF-8");
                    answer.getOutputStream().write(translated);
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    /** The JSON with its {@code message} in Chinese; null when there is nothing to change (or it is not JSON). */
    static byte[] translated(int status, byte[] body, java.util.function.Supplier<Optional<String>> claimer) {
        try {
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            if (!(json instanceof ObjectNode object)) {
                return null;
            }
            String message = object.path("message").isTextual() ? object.get("message").asText() : null;
            Optional<String> advice = EngineMessages.forWebapp(status, message, claimer);
            if (advice.isEmpty() || advice.get().equals(message)) {
                return null;
            }
            object.put("message", advice.get());
            return JSON.writeValueAsString(object).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

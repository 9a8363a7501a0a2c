package org.rectiflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * A task form the user has to correct answers 400 with the refusal alone: the engine's REST API (and the webapps'
 * copy of it, which the Tasklist calls) puts "Cannot submit task form &lt;task id&gt;: " or "Cannot complete task
 * &lt;task id&gt;: " before the application's own Chinese message, and the Tasklist shows that line to the user as it
 * is. This filter takes the English prefix off the {@code message} of a 400 from a task's {@code submit-form} or
 * {@code complete}, leaving "请填写办理状态"; any other answer passes untouched (a 500, a fault,
 * keeps the engine's words for the operator).
 */
class TaskRefusalMessageFilter extends OncePerRequestFilter {

    private static final Pattern TASK_CALL = Pattern.compile(".*/task/[^/]+/(submit-form|complete)");
    private static final Pattern PREFIX =
        Pattern.compile("^Cannot (?:submit task form|complete task) [^:\\s]+: (.*)$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
            || !TASK_CALL.matcher(RequestPathFirewall.normalisedPath(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                byte[] shorter = withoutPrefix(answer.getContentAsByteArray());
                if (shorter != null) {
                    answer.resetBuffer();
                    answer.getOutputStream().write(shorter);
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    /** The JSON with its {@code message} taken off the engine's prefix; null when there is nothing to change. */
    static byte[] withoutPrefix(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (!(json instanceof ObjectNode object) || !object.path("message").isTextual()) {
                return null;
            }
            Matcher prefixed = PREFIX.matcher(object.get("message").asText());
            if (!prefixed.matches()) {
                return null;
            }
            object.put("message", prefixed.group(1));
            return JSON.writeValueAsString(object).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

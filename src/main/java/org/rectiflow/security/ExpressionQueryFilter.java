package org.rectiflow.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses every engine query that carries an expression. Camunda evaluates JUEL in query fields named
 * {@code …Expression} (task queries, also nested in {@code orQueries}, and stored filters); an expression sent
 * by a client could run arbitrary code as the engine. The engine's own switch
 * ({@code enableExpressionsInAdhocQueries=false}) is on too; this filter closes the door before any engine code
 * runs, for the REST API ({@code /engine-rest}) and the webapps' API ({@code /camunda/api}) alike:
 * <ul>
 * <li>a query parameter whose value contains {@code ${} or {@code #{}, or whose name ends in {@code Expression};
 * <li>in the JSON body of a query (a POST to a collection such as {@code /task}, {@code /history/task}, any
 * {@code …/count}, every {@code /filter} call, every Cockpit plugin query): any string containing {@code ${} or
 * {@code #{} and any field named {@code …Expression}, at any depth.
 * </ul>
 * Bodies that carry data rather than a query (variables, form submissions, messages) are left alone: their
 * text is stored, never evaluated. The answer is 400 in the engine's error format, naming the parameter or field.
 */
public class ExpressionQueryFilter extends OncePerRequestFilter {

    /** A query body larger than this is refused unread (no query comes near it). */
    private static final int MAX_QUERY_BODY = 1024 * 1024;
    /** One-segment POSTs that are actions with data, not queries. */
    private static final Set<String> ACTIONS = Set.of("message", "signal", "condition");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : queryParameters(request).entrySet()) {
            if (parameter.getKey().endsWith("Expression")) {
                refuse(response, "query parameter '" + parameter.getKey() + "'");
                return;
            }
            for (String value : parameter.getValue()) {
                if (hasExpression(value)) {
                    refuse(response, "query parameter '" + parameter.getKey() + "'");
                    return;
                }
            }
        }
        if (!isJson(request) || !isQuery(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
        if (body.length > MAX_QUERY_BODY) {
            refuse(response, "a query body over 1 MB is not read");
            return;
        }
        Optional<String> field = expressionIn(body);
        if (field.isPresent()) {
            refuse(response, "field '" + field.get() + "'");
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** The parameters of the query string only (reading form parameters would consume a body). */
    private static Map<String, String[]> queryParameters(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        return UriComponentsBuilder.newInstance().query(query).build()
            .getQueryParams().entrySet().stream()
            .collect(Collectors.toMap(
                e -> decode(e.getKey()),
                e -> e.getValue().stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new),
                (a, b) -> a));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // undecodable: checked as written
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }

    /** True for the engine's query endpoints (see the class comment). */
    static boolean isQuery(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method)) {
            return false;
        }
        List<String> path = enginePath(RequestPathFirewall.normalisedPath(request));
        if (path == null || path.isEmpty()) {
            return false;
        }
        if (path.get(0).equals("cockpit-plugin")) {
            return true;
        }
        if (path.get(0).equals("filter") || path.get(path.size() - 1).equals("count")) {
            return true;
        }
        if (!"POST".equals(method)) {
            return false;
        }
        return path.size() == 1 && !ACTIONS.contains(path.get(0))
            || path.size() == 2 && path.get(0).equals("history");
    }

    /**
     * The segments after the engine's prefix: {@code /engine-rest[/engine/{name}]/…},
     * {@code /camunda/api/engine/engine/{name}/…}; Cockpit's plugin queries
     * ({@code /camunda/api/cockpit/plugin/…}) become {@code [cockpit-plugin]}. Null for other paths.
     */
    static List<String> enginePath(String uri) {
        List<String> segments = Arrays.stream(uri.split("/")).filter(s -> !s.isEmpty()).toList();
        int start;
        if (segments.size() >= 1 && segments.get(0).equals("engine-rest")) {
            start = segments.size() >= 3 && segments.get(1).equals("engine") ? 3 : 1;
        } else if (segments.size() >= 5 && segments.get(0).equals("camunda") && segments.get(1).equals("api")
            && segments.get(2).equals("engine") && segments.get(3).equals("engine")) {
            start = 5;
        } else if (segments.size() >= 4 && segments.get(0).equals("camunda") && segments.get(1).equals("api")
            && segments.get(2).equals("cockpit") && segments.get(3).equals("plugin")) {
            return List.of("cockpit-plugin");
        } else {
            return null;
        }
        return start > segments.size() ? List.of() : segments.subList(start, segments.size());
    }

    /** The first field holding an expression, as a JSON path, if any. */
    static Optional<String> expressionIn(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty(); // not JSON: the engine answers it
        }
        return tree == null ? Optional.empty() : find(tree, "");
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node.isTextual()) {
            return hasExpression(node.textValue()) ? Optional.of(path.isEmpty() ? "$" : path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String inner = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().endsWith("Expression") && !field.getValue().isNull()) {
                    return Optional.of(inner);
                }
                Optional<String> found = find(field.getValue(), inner);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static boolean hasExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static void refuse(HttpServletResponse response, String where) throws IOException {
        JsonRefusal.write(response, HttpServletResponse.SC_BAD_REQUEST, Map.of("type", "InvalidRequestException",
            "message", "Expressions are not allowed in queries: " + where));
    }
}

package org.rectiflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 (a free port) that records every request and
 * answers 200 with a chat robot's "ok", or, as told, a number of errors first.
 */
public final class WebhookRecorder {

    /** One request as received, with the status it was answered. */
    public record Request(String method, String path, Map<String, String> headers, String body, int status) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> errors = new ArrayDeque<>();
    private volatile String answer;

    private WebhookRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "webhook-recorder");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        reset();
    }

    public static WebhookRecorder start() {
        try {
            WebhookRecorder recorder = new WebhookRecorder();
            recorder.server.start();
            return recorder;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the webhook recorder", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers the next {@code times} requests with this status (and an error text). */
    public synchronized void failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            errors.add(status);
        }
    }

    /** The body of a 200 answer (default: a chat robot's {@code {"errcode":0,"errmsg":"ok"}}). */
    public void answer(String body) {
        this.answer = body;
    }

    /** Every request received, in order, whatever it was answered. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests answered 2xx: the deliveries. */
    public List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    public synchronized void reset() {
        requests.clear();
        errors.clear();
        answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Integer error;
        synchronized (this) {
            error = errors.poll();
        }
        int status = error == null ? 200 : error;
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue())));
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, status));
        byte[] out = (error == null ? answer : "{\"error\":\"boom\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }
}

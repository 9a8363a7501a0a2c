package org.rectiflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectiflow.bench.LoadTally.Conflict;
import org.rectiflow.bench.LoadTally.Operation;
import org.rectiflow.measure.MeasureExecutionProcess.Elements;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.WebTest;

/**
 * One simulated user of {@link LoadBenchmark}, a Tasklist client of the engine's REST API with HTTP Basic: again and
 * again it lists its group's open tasks, picks one of the first ten, opens it as the Tasklist does (the task, its
 * form, the deployed Camunda form and its variables), claims it and completes it with the form's fields filled in
 * as a user fills them. A task a colleague claimed or completed first is a conflict: the user picks another of its
 * list. Each user stops after its iterations (tasks completed or failed) or at the run's deadline.
 */
final class LoadUser implements Runnable {

    /** The tasks of a measure: which the user completes, and how, follows the task its list shows. */
    enum Kind {
        /** 单位整改并报告: a unit's task, its liaison's or head's. */
        REPORT(Elements.UNIT_RECTIFIES, Operation.COMPLETE_REPORT),
        /** 牵头单位审核: the lead unit's task (its group is the lead unit's). */
        REVIEW(Elements.LEAD_UNIT_REVIEW, Operation.COMPLETE_REVIEW),
        /** 监督组销号审核: the supervision group's. */
        SIGN_OFF(Elements.SUPERVISION_SIGN_OFF, Operation.COMPLETE_SIGN_OFF);

        final String element;
        final Operation completion;

        Kind(String element, Operation completion) {
            this.element = element;
            this.completion = completion;
        }

        static Kind of(String element) {
            for (Kind kind : values()) {
                if (kind.element.equals(element)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** Who: the user, the group whose tasks it lists, and the tasks it expects there (for the report). */
    record Role(String user, String group, Kind kind) {
    }

    /** A task of the user's list: its id and what it is. */
    private record Listed(String id, Kind kind) {
    }

    /** How a task the user picked went. */
    enum Outcome { COMPLETED, CONFLICT, FAILED }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The answer for a task gone (the engine's REST API, issue 20). */
    private static final String TASK_GONE = "该任务已办结或已不存在，请刷新任务列表";
    /** A user picks one of the first tasks of its list (the earliest deadlines), not always the first. */
    private static final int PICK_AMONG = 10;

    private final Role role;
    private final int iterations;
    private final long deadlineNanos;
    private final String base;
    private final String authorization;
    private final LoadTally tally;
    private final LocalDate today;
    private final Random random;
    /** Each user's own client, as each user has a browser of their own. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Kind, Integer> completed = new EnumMap<>(Kind.class);

    LoadUser(Role role, int iterations, long deadlineNanos, int port, LoadTally tally, LocalDate today, long seed) {
        this.role = role;
        this.iterations = iterations;
        this.deadlineNanos = deadlineNanos;
        this.base = "http://127.0.0.1:" + port + "/engine-rest";
        this.authorization = WebTest.basicAuth(role.user(), "demo");
        this.tally = tally;
        this.today = today;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        int iteration = 0;
        while (iteration < iterations && !Thread.currentThread().isInterrupted()) {
            if (System.nanoTime() > deadlineNanos) {
                tally.stoppedByBudget(role.user());
                return;
            }
            List<Listed> listed = list();
            if (listed == null) {
                iteration++; // the list failed: counted as an error, the iteration is spent
                continue;
            }
            if (listed.isEmpty()) {
                tally.outOfWork(role.user());
                return;
            }
            List<Listed> candidates = new ArrayList<>(listed.subList(0, Math.min(PICK_AMONG, listed.size())));
            Collections.shuffle(candidates, random);
            for (Listed task : candidates) {
                Outcome outcome = work(task, iteration);
                if (outcome != Outcome.CONFLICT) {
                    iteration++;
                    break;
                }
                if (System.nanoTime() > deadlineNanos) {
                    break;
                }
            }
            // every task picked was taken by a colleague: the user lists again, the iteration not spent
        }
    }

    /**
     * Before the run (not timed): claims and completes the task as this user, a report done or a review approved;
     * fails when an answer is not 204.
     */
    void completeForSetup(String task, Kind kind) {
        for (String[] call : new String[][] {{"/claim", json(Map.of("userId", role.user()))},
            {"/submit-form", json(Map.of("variables", variables(kind, -1, false)))}}) {
            Answer answer = call("POST", "/task/" + task + call[0], call[1], Operation.CLAIM);
            if (answer.status != 204) {
                throw new IllegalStateException(role.user() + " " + call[0] + " " + task + ": "
                    + (answer.outcome == Outcome.FAILED ? tally.firstErrors() : answer.status + " " + answer.body));
            }
        }
    }

    /** The group's open, unclaimed tasks, first 50 by due date; null when the call failed. */
    private List<Listed> list() {
        Answer answer = call("GET", "/task?candidateGroup=" + role.group()
            + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50", null, Operation.LIST);
        if (answer.outcome == Outcome.FAILED) {
            return null;
        }
        if (answer.status != 200) {
            tally.error(role.user() + " list: " + answer.status + " " + answer.body);
            return null;
        }
        try {
            List<Listed> tasks = new ArrayList<>();
            for (JsonNode task : JSON.readTree(answer.body)) {
                Kind kind = Kind.of(task.path("taskDefinitionKey").asText());
                if (kind == null) {
                    tally.error(role.user() + " list: a task the run does not expect: " + task);
                } else if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
                    tasks.add(new Listed(task.get("id").asText(), kind));
                }
            }
            return tasks;
        } catch (IOException e) {
            tally.error(role.user() + " list: not JSON: " + answer.body);
            return null;
        }
    }

    /** Opens, claims and completes one task. */
    private Outcome work(Listed listed, int iteration) {
        String task = listed.id();
        long start = System.nanoTime();
        Answer variables = null;
        for (Object[] call : new Object[][] {{"", Operation.OPEN_TASK}, {"/form", Operation.OPEN_FORM},
            {"/deployed-form", Operation.OPEN_DEPLOYED_FORM}, {"/form-variables", Operation.OPEN_FORM_VARIABLES}}) {
            Answer answer = expect(task, "GET", "/task/" + task + call[0], null, (Operation) call[1], 200);
            if (answer.outcome != Outcome.COMPLETED) {
                return answer.outcome;
            }
            variables = answer;
        }
        tally.time(Operation.OPEN, (System.nanoTime() - start) / 1e6);
        Outcome claimed = expect(task, "POST", "/task/" + task + "/claim", json(Map.of("userId", role.user())),
            Operation.CLAIM, 204).outcome;
        if (claimed != Outcome.COMPLETED) {
            return claimed;
        }
        Outcome done = expect(task, "POST", "/task/" + task + "/submit-form", json(Map.of("variables",
            variables(listed.kind(), iteration, longTerm(variables.body)))), listed.kind().completion, 204).outcome;
        if (done == Outcome.CONFLICT) {
            // the user holds the task: nobody may take it from them
            tally.error(role.user() + " submit-form " + task + ": a conflict on a task the user had claimed");
            return Outcome.FAILED;
        }
        if (done == Outcome.COMPLETED) {
            completed.merge(listed.kind(), 1, Integer::sum);
        }
        return done;
    }

    /** The form says 措施类型：长久立 (its variable kindText), which the user reads before choosing 长期坚持. */
    private static boolean longTerm(String formVariables) {
        try {
            return MeasureKind.LONG_TERM.label().equals(JSON.readTree(formVariables).path("kindText").path("value")
                .asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** A call that should answer {@code status}: a conflict when the task was taken, otherwise an error. */
    private Answer expect(String task, String method, String path, String body, Operation operation, int status) {
        Answer answer = call(method, path, body, operation);
        if (answer.outcome == Outcome.FAILED) {
            return answer;
        }
        if (answer.status == status) {
            return answer;
        }
        if (taken(answer) || path.endsWith("/claim") && concurrent(answer)) {
            tally.conflict(new Conflict(role.user(), task, method + " " + path, answer.status, answer.body));
            return answer.with(Outcome.CONFLICT);
        }
        tally.error(role.user() + " " + method + " " + path + ": " + answer.status + " " + answer.body);
        return answer.with(Outcome.FAILED);
    }

    /**
     * The answers when a colleague had the task first: it is claimed by someone else (409
     * TaskAlreadyClaimedException), or it no longer exists, completed while the user opened it: the task and its form
     * 404 "No matching task", its deployed form, its variables and the claim 404 该任务已办结或已不存在… (the
     * guarded engine services' TaskGoneException; issue 20), the form or the deployed form's media type 400 "Cannot
     * get form for task" or "No task found for taskId" when the task went between the REST API's two reads of it; or
     * 403 for the form, when the task was read just before its completion committed and its authorizations, deleted
     * with it, just after. {@link LoadBenchmark} checks each
     * against the engine's history afterwards: another user had the task (a 403, another user completed it).
     */
    static boolean taken(Answer answer) {
        String body = answer.body;
        return answer.status == 409 && body.contains("TaskAlreadyClaimedException")
            || answer.status == 404 && (body.contains("No matching task") || body.contains(TASK_GONE))
            || answer.status == 400 && (body.contains("Cannot get form for task")
                || body.contains("No task found for taskId"))
            || answer.status == 403 && body.contains("of type 'Task'");
    }

    /**
     * Two users claiming the same task at the same moment: the engine's optimistic locking lets one update the task
     * and answers the other's claim with an OptimisticLockingException (409). A claim conflict too, checked likewise.
     */
    static boolean concurrent(Answer answer) {
        return answer.status == 409 && answer.body.contains("OptimisticLockingException");
    }

    /**
     * What the form's user fills in: mostly done, sometimes continuing or not done, sometimes sent back; before the
     * run ({@code iteration} -1), done or approved.
     */
    private Map<String, Object> variables(Kind kind, int iteration, boolean longTerm) {
        int pick = iteration < 0 ? 9 : random.nextInt(10);
        Map<String, Object> variables = new LinkedHashMap<>();
        switch (kind) {
            case REPORT -> {
                if (pick == 0) {
                    variables.put("progress", typed("已完成排查，正在协调市直部门"));
                    variables.put("reportStatus", typed("NOT_DONE"));
                    variables.put("notDoneReason", typed("涉及跨部门协调，需市财政局配合"));
                    variables.put("plannedDate", typed(today.plusDays(20).toString()));
                    return variables;
                }
                variables.put("progress", typed("已对照问题清单逐项整改，完善相关制度并组织全员学习"));
                variables.put("completionSummary", typed("已完成整改，印发通知1份，组织专题培训2次"));
                variables.put("evidence", typed("整改通知（厦公〔" + today.getYear() + "〕12号）、培训签到表"));
                variables.put("reportStatus", typed(longTerm && pick < 5 ? "LONG_TERM_CONTINUING" : "COMPLETED"));
                if (pick == 2 || pick == 3) {
                    String number = role.user() + "-" + iteration + "-" + random.nextInt(1_000_000);
                    variables.put("mechanisms", Map.of("type", "Json", "value", json(List.of(Map.of(
                            "title", "关于加强请示报告工作的通知（" + number + "）",
                            "docNumber", "厦公〔" + today.getYear() + "〕" + (100 + iteration) + "号",
                            "issuer", "厦门市公安局", "issuedOn", today.minusDays(10).toString(), "revision", "NEW"))),
                        "valueInfo", Map.of("serializationDataFormat", "application/json")));
                }
            }
            case REVIEW -> {
                variables.put("reviewDecision", typed(pick == 0 ? "REJECT" : "APPROVE"));
                variables.put("reviewComment", typed(pick == 0 ? "佐证材料不全，请补充培训签到表" : "整改到位，同意报审"));
            }
            case SIGN_OFF -> {
                variables.put("signOffDecision", typed("APPROVE"));
                variables.put("signOffComment", typed("同意销号"));
            }
        }
        return variables;
    }

    private static Map<String, Object> typed(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: its status, its body and how it went (FAILED without an answer: an error counted). */
    record Answer(int status, String body, Outcome outcome) {

        Answer with(Outcome other) {
            return new Answer(status, body, other);
        }
    }

    /** One call, timed as {@code operation}. */
    private Answer call(String method, String path, String body, Operation operation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Accept", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            tally.time(operation, (System.nanoTime() - start) / 1e6);
            tally.request(answer.body());
            return new Answer(answer.statusCode(), answer.body(), Outcome.COMPLETED);
        } catch (IOException e) {
            tally.request(null);
            tally.error(role.user() + " " + method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.error(role.user() + " " + method + " " + path + ": interrupted (the run's hard timeout)");
        }
        return new Answer(0, "", Outcome.FAILED);
    }

    Role role() {
        return role;
    }

    /** The tasks this user completed, by kind. */
    Map<Kind, Integer> completed() {
        return completed;
    }
}

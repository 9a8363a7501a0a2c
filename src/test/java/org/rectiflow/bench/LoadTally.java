package org.rectiflow.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the simulated users of {@link LoadBenchmark} saw, shared by them: each call's time by operation, the errors
 * (every non-2xx answer that is not a conflict, and every failed call), the conflicts (a task a colleague of the
 * same unit claimed or completed first), the answers that mention a deadlock or an optimistic locking failure, the
 * tasks completed by kind and the users who found their list empty.
 */
final class LoadTally {

    /** What is timed: a user's operations, and the calls of opening a task one by one. */
    enum Operation {
        LIST("list (GET /task?candidateGroup=…, first 50 by due date)"),
        OPEN("open (the four calls below, one after another)"),
        OPEN_TASK("  GET /task/{id}"),
        OPEN_FORM("  GET /task/{id}/form"),
        OPEN_DEPLOYED_FORM("  GET /task/{id}/deployed-form"),
        OPEN_FORM_VARIABLES("  GET /task/{id}/form-variables"),
        CLAIM("claim (POST /task/{id}/claim)"),
        COMPLETE_REPORT("complete: unit report (POST /task/{id}/submit-form)"),
        COMPLETE_REVIEW("complete: lead unit review (submit-form)"),
        COMPLETE_SIGN_OFF("complete: supervision sign-off (submit-form)");

        final String label;

        Operation(String label) {
            this.label = label;
        }

        /** One of the user's four operations (list, open, claim, complete), not a call of opening. */
        boolean counted() {
            return this != OPEN_TASK && this != OPEN_FORM && this != OPEN_DEPLOYED_FORM && this != OPEN_FORM_VARIABLES;
        }
    }

    /** A conflict: the call that met it and the answer, checked against the engine's history after the run. */
    record Conflict(String user, String taskId, String call, int status, String body) {
    }

    private static final int KEPT = 10;

    private final Map<Operation, List<Double>> millis = new EnumMap<>(Operation.class);
    private final List<String> errors = new ArrayList<>();
    private long errorCount;
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<String> deadlockAnswers = new ArrayList<>();
    private long requests;
    private final List<String> outOfWork = new ArrayList<>();
    private final List<String> stoppedByBudget = new ArrayList<>();

    synchronized void time(Operation operation, double ms) {
        millis.computeIfAbsent(operation, o -> new ArrayList<>()).add(ms);
    }

    synchronized void request(String body) {
        requests++;
        if (body != null && (body.toLowerCase(Locale.ROOT).contains("deadlock")
            || body.contains("OptimisticLocking"))) {
            deadlockAnswers.add(body);
        }
    }

    synchronized void error(String what) {
        errorCount++;
        if (errors.size() < KEPT) {
            errors.add(what);
        }
    }

    synchronized void conflict(Conflict conflict) {
        conflicts.add(conflict);
    }

    synchronized void outOfWork(String user) {
        outOfWork.add(user);
    }

    synchronized void stoppedByBudget(String user) {
        stoppedByBudget.add(user);
    }

    synchronized List<Double> millis(Operation operation) {
        return List.copyOf(millis.getOrDefault(operation, List.of()));
    }

    synchronized long count(Operation operation) {
        return millis.getOrDefault(operation, List.of()).size();
    }

    synchronized long errorCount() {
        return errorCount;
    }

    synchronized List<String> firstErrors() {
        return List.copyOf(errors);
    }

    synchronized List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    synchronized List<String> deadlockAnswers() {
        return List.copyOf(deadlockAnswers);
    }

    synchronized long requests() {
        return requests;
    }

    synchronized List<String> outOfWork() {
        return List.copyOf(outOfWork);
    }

    synchronized List<String> stoppedByBudget() {
        return List.copyOf(stoppedByBudget);
    }
}

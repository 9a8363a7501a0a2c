package org.rectiflow.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.rectiflow.guard.TaskGoneException;

/**
 * The engine's common English refusals, as the webapps' users should read them: Chinese advice without ids, user ids,
 * permission names or resource types. Collected from the Camunda 7.24 engine and its REST API for what the Tasklist and
 * Cockpit can provoke (claim, unclaim, complete, submit a form, set the assignee, comments, variables, identity links):
 * <ul>
 * <li>a task gone: the REST API's "No matching task with id …", the commands' "Cannot find task with id …" and
 * "No task found for taskId …", "Task with id … does not exist", "task … doesn't exist";</li>
 * <li>a task claimed meanwhile: TaskAlreadyClaimedException's "Task '…' is already claimed by someone else." (and the
 * older "Cannot claim task '…': task is already claimed by …"), with the claimer's name when it is known;</li>
 * <li>any AuthorizationException: "The user with id '…' does not have '…' permission on resource '…'" or "… does not
 * have one of the following permissions: …";</li>
 * <li>a concurrent change: OptimisticLockingException's "… was updated by another transaction concurrently";</li>
 * <li>a suspended instance or task: "… is suspended".</li>
 * </ul>
 * The refusal of a task form (FormFieldValidationException, already Chinese) keeps its words ({@link
 * TaskRefusalMessageFilter} takes the engine's "Cannot submit task form &lt;id&gt;: " off them). Any other 500 is a fault: the user reads {@link #FAULT}, the operator
 * the log. Other 4xx answers keep their text.
 */
final class EngineMessages {

    /** Also what the guarded engine services answer for a task gone ({@link TaskGoneException}). */
    static final String TASK_GONE = TaskGoneException.MESSAGE;
    static final String FORBIDDEN = "您没有执行此操作的权限；如需办理，请联系整改专班";
    static final String CONCURRENT = "该任务刚被他人更改，请刷新后重试";
    static final String SUSPENDED = "该流程已暂停，暂不能办理；请联系整改专班";
    static final String FAULT = "系统暂时无法完成此操作，请稍后重试；仍不成功请联系系统管理员";
    static final String CLAIMED_BY_SOMEONE = "任务已被他人认领，请刷新任务列表";

    private static final Pattern TASK_PREFIX =
        Pattern.compile("^Cannot (?:submit task form|complete task|resolve task) [^:\\s]+: (.*)$", Pattern.DOTALL);
    private static final Pattern CLAIMED = Pattern.compile(
        "(?:Task '[^']*' is already claimed by someone else|task is already claimed by)", Pattern.CASE_INSENSITIVE);

    private record Rule(Pattern pattern, String advice) {
    }

    private static final List<Rule> RULES = List.of(
        new Rule(Pattern.compile("No matching task with id|Cannot find task with id|No task found for task ?id"
            + "|Task with id \\S+ does not exist|task \\S+ doesn't exist", Pattern.CASE_INSENSITIVE), TASK_GONE),
        new Rule(Pattern.compile("does not have (?:one of the following permissions|'[A-Z_]+' permission)"), FORBIDDEN),
        new Rule(Pattern.compile("updated by another transaction concurrently|deleted by another transaction "
            + "concurrently"), CONCURRENT),
        new Rule(Pattern.compile("\\bis suspended\\b|\\bsuspended (?:task|execution|process)", Pattern.CASE_INSENSITIVE),
            SUSPENDED));

    private EngineMessages() {
    }

    /**
     * The message a webapp user reads for an engine answer of {@code status} with {@code message}; empty when the
     * message stays as it is. {@code claimer} names who holds a task (empty when unknown), asked only for a claim
     * refused because the task is taken.
     */
    static Optional<String> forWebapp(int status, String message, Supplier<Optional<String>> claimer) {
        String text = message == null ? "" : message;
        var prefixed = TASK_PREFIX.matcher(text);
        String inner = prefixed.matches() ? prefixed.group(1) : text;
        if (CLAIMED.matcher(inner).find()) {
            return Optional.of(claimer.get().map(name -> "任务已被" + name + "认领，请刷新任务列表")
                .orElse(CLAIMED_BY_SOMEONE));
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(inner).find()) {
                return Optional.of(rule.advice());
            }
        }
        if (status >= 500) {
            return Optional.of(FAULT);
        }
        return Optional.empty();
    }
}

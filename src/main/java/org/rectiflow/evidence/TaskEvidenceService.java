package org.rectiflow.evidence;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.common.EngineClock;
import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A task's evidence for the Tasklist's tab ({@code GET /api/tasks/{taskId}/evidence}): the task is looked up as the
 * caller (the engine's authorizations decide whether they see it), its subject comes from
 * {@link TaskEvidenceResolver}, the files and who may read them from {@link EvidenceService}.
 */
@Service
public class TaskEvidenceService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService taskService;
    private final TaskEvidenceResolver resolver;
    private final TaskEvidenceRepository ledger;
    private final EvidenceService evidence;
    private final EvidenceRepository files;
    private final EvidenceProperties properties;
    private final ApiUser user;
    private final EngineClock clock;

    public TaskEvidenceService(TaskService taskService, TaskEvidenceResolver resolver, TaskEvidenceRepository ledger,
                               EvidenceService evidence, EvidenceRepository files, EvidenceProperties properties, ApiUser user,
                               EngineClock clock) {
        this.taskService = taskService;
        this.resolver = resolver;
        this.ledger = ledger;
        this.evidence = evidence;
        this.files = files;
        this.properties = properties;
        this.user = user;
        this.clock = clock;
    }

    public TaskEvidence of(String taskId) {
        // under the caller's authentication: a task they may not see is not found
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new EvidenceException(HttpStatus.NOT_FOUND, "该任务已办结或已不存在，或您无权查看");
        }
        return resolver.resolve(task).map(this::view).orElseGet(TaskEvidence::none);
    }

    private TaskEvidence view(TaskEvidenceResolver.Subject subject) {
        return switch (subject.kind()) {
            case MEASURE -> measure(subject.code(), subject.collecting());
            case OTHER -> other(subject.other());
        };
    }

    /**
     * A unit's plan, a clue's verification or a look-back check: the task that gathers the files (the unit's draft,
     * the verification, the check) uploads and removes drafts while it is open and the caller may; the plan's review
     * and the accountability read what was submitted.
     */
    private TaskEvidence other(SubjectTasks.TaskSubject task) {
        EvidenceSubject subject = task.subject();
        List<EvidenceFile> all = evidence.list(subject); // 403 for a caller who may not read them
        boolean writable = task.writable();
        String base;
        String title;
        String submitted;
        if (subject instanceof EvidenceSubject.UnitPlan plan) {
            base = "/api/rounds/" + plan.roundCode() + "/units/" + plan.unitCode() + "/plan/evidence";
            title = "单位整改方案的佐证材料";
            submitted = "第%s次提交";
        } else if (subject instanceof EvidenceSubject.ClueVerification clue) {
            base = "/api/clues/" + clue.clueCode() + "/evidence";
            title = "线索" + clue.clueCode() + "的核实材料";
            submitted = "随核实结果提交";
        } else if (subject instanceof EvidenceSubject.LookBack lookBack) {
            EvidenceRepository.LookBackRef ref = files.lookBack(lookBack.id()).orElseThrow();
            base = "/api/rounds/" + ref.roundCode() + "/look-backs/" + ref.measureCode() + "/evidence";
            title = "措施" + ref.measureCode() + "回头看核查的佐证材料";
            submitted = "随核查结果提交";
        } else {
            return TaskEvidence.none();
        }
        String hint = writable
            ? "可上传" + allowed() + "，单个文件不超过" + properties.maxFileSizeText()
                + "；未提交的文件在完成本任务时一并提交，提交前可以删除"
            : "已提交的佐证材料，最近的在前";
        return new TaskEvidence(title, writable, writable ? base : null, hint,
            rows(all, writable, base, writable, submitted));
    }

    private TaskEvidence measure(String code, boolean collecting) {
        String base = "/api/measures/" + code + "/evidence";
        List<EvidenceFile> all = evidence.list(code); // 403 for a caller who may not read them
        boolean writable = collecting && user.groupIds().contains(files.measure(code).orElseThrow().unitCode());
        List<TaskEvidence.File> rows = rows(all, collecting, base, writable, "第%s次报告");
        String hint = writable
            ? "可上传" + allowed() + "，单个文件不超过" + properties.maxFileSizeText()
                + "；未提交的文件在完成本任务时随报告一并提交，提交前可以删除"
            : "单位随报告提交的佐证材料，最近的报告在前";
        return new TaskEvidence("措施" + code + "的佐证材料", writable, writable ? base : null, hint, rows);
    }

    /**
     * The files a task shows: drafts only where the task gathers them (a reviewer sees what was submitted), drafts
     * first, then the submissions, newest first; {@code submitted} names a submission ({@code %s} its number).
     */
    private List<TaskEvidence.File> rows(List<EvidenceFile> all, boolean collecting, String base, boolean writable,
                                         String submitted) {
        List<EvidenceFile> shown = all.stream()
            .filter(file -> collecting || !file.isDraft())
            .sorted(Comparator.comparingInt(TaskEvidenceService::reportOrder).reversed()
                .thenComparing(Comparator.comparingLong(EvidenceFile::id)))
            .toList();
        Map<String, String> names = ledger.displayNames(
            shown.stream().map(EvidenceFile::uploadedBy).collect(Collectors.toCollection(java.util.TreeSet::new)));
        return shown.stream().map(file -> new TaskEvidence.File(file.id(), file.name(),
                file.description(), file.size(), EvidenceService.sizeText(file.size()),
                DocumentTypes.KNOWN.getOrDefault(file.type(), file.type()), name(names, file.uploadedBy()),
                TIME.format(file.uploadedAt().atZoneSameInstant(clock.zone())),
                file.isDraft() ? null : String.format(submitted, file.report()), base + "/" + file.id(),
                writable && file.isDraft() ? base + "/" + file.id() : null, DocumentTypes.INLINE.contains(file.type())))
            .toList();
    }

    /** Drafts first (the report in the making), then the reports, newest first. */
    private static int reportOrder(EvidenceFile file) {
        return file.isDraft() ? Integer.MAX_VALUE : Integer.parseInt(file.report());
    }

    private static String name(Map<String, String> names, String userId) {
        String name = names.get(userId);
        return name == null || name.isBlank() ? userId : name;
    }

    private String allowed() {
        return properties.allowedTypes().stream().map(DocumentTypes.KNOWN::get).collect(Collectors.joining("、"));
    }
}

package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rectiflow.common.BoundedOutput;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.identity.AccessPolicy;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of evidence files, per subject ({@link EvidenceSubject}): who uploads, reads and removes them, what is
 * accepted (a document of an allowed type, detected from the bytes, within the per-file limit and the per-subject
 * limit, {@code max-per-measure}), and the draft → submission rule: a file is a draft of the subject's next
 * submission until its recording step binds the drafts of that moment, in the task's transaction; only a draft can
 * be removed.
 * <ul>
 * <li>A measure's report: the measure's unit uploads while its 单位整改并报告 task is open; the unit, its key group's
 * lead unit and the overseers read ({@link AccessPolicy#mayReadMeasure}); bound by the report's recording.</li>
 * <li>A unit's plan in a round: the unit uploads while its 制定本单位整改方案 task is open; the unit and the overseers
 * (the office reviews it) read; bound to the plan's submission number by 登记单位整改方案.</li>
 * <li>A clue's verification: the discipline inspectors upload while its 初步核实 task is open; read by those who read
 * clues, the overseers (the clue's instance and the summary's clues are theirs); bound by 登记核实结果.</li>
 * <li>A look-back check: the supervision group uploads while the measure's 核查整改成效 task is open; read as the
 * measure is read; bound by 登记核查结果.</li>
 * <li>A mechanism's documents: the mechanism's unit or the office uploads, recorded at once, while the archive of at
 * least one problem it answers is not final; removed only while none is; read as its measures are read.</li>
 * </ul>
 */
@Service
public class EvidenceService {

    /** The longest description (说明). */
    public static final int MAX_DESCRIPTION = 200;
    /** The longest file name kept. */
    public static final int MAX_NAME = 255;
    /** Why an upload or download failed in the object store (logged in English by the store). */
    static final String STORE_UNAVAILABLE = "佐证材料存储暂时无法使用，请稍后重试；仍不成功请联系系统管理员";

    private final EvidenceRepository files;
    private final EvidenceStore store;
    private final EvidenceProperties properties;
    private final AccessPolicy policy;
    private final OpenReportTask reportTask;
    private final OpenSubjectTasks subjectTasks;
    private final ApiUser user;
    private final CurrentActor actor;
    private final EngineClock clock;

    public EvidenceService(EvidenceRepository files, EvidenceStore store, EvidenceProperties properties,
                           AccessPolicy policy, OpenReportTask reportTask, OpenSubjectTasks subjectTasks,
                           ApiUser user, CurrentActor actor, EngineClock clock) {
        this.files = files;
        this.store = store;
        this.properties = properties;
        this.policy = policy;
        this.reportTask = reportTask;
        this.subjectTasks = subjectTasks;
        this.user = user;
        this.actor = actor;
        this.clock = clock;
    }

    /** A measure's report's upload ({@link #upload(EvidenceSubject, String, String, InputStream)}). */
    @Transactional
    public EvidenceFile upload(String measureCode, String fileName, String description, InputStream content) {
        return upload(new EvidenceSubject.MeasureReport(measureCode), fileName, description, content);
    }

    /**
     * Stores an upload as a draft of the subject's next submission (a mechanism's document as recorded at once):
     * streamed to a temporary file no larger than the per-file limit, its type detected, then its row and content
     * written in one transaction. A refusal names the file and the reason and stores nothing.
     */
    @Transactional
    public EvidenceFile upload(EvidenceSubject subject, String fileName, String description, InputStream content) {
        writable(subject, "上传");
        String name = name(fileName);
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw badRequest("说明（description）不能超过" + MAX_DESCRIPTION + "个字，现有" + text.length() + "个字");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("rectiflow-evidence-", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long limit = properties.maxFileSize().toBytes();
            long size;
            try (OutputStream out = new DigestOutputStream(new BoundedOutput(Files.newOutputStream(temp), limit), sha)) {
                size = content.transferTo(out);
            }
            if (size == 0) {
                throw badRequest("文件「" + name + "」是空文件，未上传");
            }
            if (size > limit) {
                throw badRequest("文件「" + name + "」超过单个文件的上限" + properties.maxFileSizeText() + "，未上传");
            }
            DocumentTypes.Detected detected = DocumentTypes.detect(temp);
            if (detected instanceof DocumentTypes.NotADocument refused) {
                // what is accepted, when the file is nothing this class can name
                throw badRequest("文件「" + name + "」" + refused.reason() + "，不能作为佐证材料，未上传"
                    + (refused.reason().equals(DocumentTypes.UNKNOWN) ? "（只接受" + allowedText() + "）" : ""));
            }
            DocumentTypes.Document document = (DocumentTypes.Document) detected;
            if (!properties.allowedTypes().contains(document.type())) {
                throw badRequest("文件「" + name + "」是" + document.label() + "，不在允许的类型内，未上传（只接受"
                    + allowedText() + "）");
            }
            files.lock(subject);
            long total = files.totalSize(subject);
            if (total + size > properties.maxPerMeasure().toBytes()) {
                throw badRequest(subject instanceof EvidenceSubject.MeasureReport
                    ? "文件「" + name + "」未上传：本措施的佐证材料已有" + sizeText(total)
                        + "，加上此文件将超过每项措施的上限" + properties.maxPerMeasureText()
                    : "文件「" + name + "」未上传：" + subject.label() + "的佐证材料已有" + sizeText(total)
                        + "，加上此文件将超过上限" + properties.maxPerMeasureText());
            }
            Timestamp now = clock.nowTimestamp();
            String sha256 = HexFormat.of().formatHex(sha.digest());
            long id = files.insert(subject, name, text, size, document.type(), sha256, actor.id(), now,
                subject instanceof EvidenceSubject.Mechanism ? 1 : null);
            store.save(id, sha256, temp, size);
            return files.find(subject, id).orElseThrow();
        } catch (EvidenceStoreException e) {
            throw new EvidenceException(HttpStatus.SERVICE_UNAVAILABLE, "文件「" + name + "」未上传：" + STORE_UNAVAILABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The measure's files, bound and drafts, for a user who may read them. */
    public List<EvidenceFile> list(String measureCode) {
        return list(new EvidenceSubject.MeasureReport(measureCode));
    }

    /** The subject's files, bound and drafts, for a user who may read them. */
    public List<EvidenceFile> list(EvidenceSubject subject) {
        readable(subject);
        return files.ofSubject(subject);
    }

    /** A file's metadata, for a user who may read the measure's files. */
    public EvidenceFile file(String measureCode, long id) {
        return file(new EvidenceSubject.MeasureReport(measureCode), id);
    }

    /** A file's metadata, for a user who may read the subject's files. */
    public EvidenceFile file(EvidenceSubject subject, long id) {
        readable(subject);
        return files.find(subject, id).orElseThrow(() -> notFound(subject, id));
    }

    /** A file's content, streamed (the caller checked access through {@link #file}). */
    public InputStream content(EvidenceFile file) {
        return store.open(file.id(), file.sha256());
    }

    /** Removes a draft (never a file submitted with a report), while the unit's task is open. */
    @Transactional
    public void delete(String measureCode, long id) {
        delete(new EvidenceSubject.MeasureReport(measureCode), id);
    }

    /**
     * Removes a draft (never a file bound to a submission), while the subject's task is open; a mechanism's document
     * while no problem it answers has a final archive.
     */
    @Transactional
    public void delete(EvidenceSubject subject, long id) {
        writable(subject, "删除");
        EvidenceFile file = files.find(subject, id).orElseThrow(() -> notFound(subject, id));
        if (subject instanceof EvidenceSubject.Mechanism) {
            EvidenceRepository.MechanismRef mechanism = files.mechanism(((EvidenceSubject.Mechanism) subject).id())
                .orElseThrow();
            if (mechanism.measures().stream().anyMatch(EvidenceRepository.AnsweredMeasure::archiveFinal)) {
                throw new EvidenceException(HttpStatus.CONFLICT, "文件「" + file.name() + "」已归入定稿的问题档案，不能删除");
            }
            store.delete(id, file.sha256());
            files.delete(subject, id);
            return;
        }
        if (!file.isDraft()) {
            throw new EvidenceException(HttpStatus.CONFLICT, "文件「" + file.name() + "」" + boundText(subject,
                file.report()) + "，不能删除");
        }
        store.delete(id, file.sha256());
        if (!files.deleteDraft(subject, id)) {
            throw new EvidenceException(HttpStatus.CONFLICT, "文件「" + file.name() + "」已提交，不能删除");
        }
    }

    /**
     * Binds the measure's drafts to the report just recorded (the measure's report count, counted by that report's
     * recording), in its transaction; returns the reviewers' text of the report's files, one line each (名称、大小、说明),
     * or 未上传 without any.
     */
    public String bindDrafts(String measureCode) {
        EvidenceRepository.MeasureRef measure = files.measure(measureCode).orElseThrow();
        EvidenceSubject subject = new EvidenceSubject.MeasureReport(measureCode);
        files.bindDrafts(subject, measure.reportCount(), clock.nowTimestamp());
        return reviewText(files.ofReport(subject, measure.reportCount()));
    }

    /**
     * Binds the unit's plan drafts to the submission being recorded (登记单位整改方案: the office's decisions so far + 1,
     * the number its decision will record), in the completion's transaction; returns the reviewers' text.
     */
    public String bindUnitPlan(String roundCode, String unitCode) {
        EvidenceRepository.UnitPlanRef plan = files.unitPlan(roundCode, unitCode).orElseThrow();
        EvidenceSubject subject = new EvidenceSubject.UnitPlan(roundCode, unitCode);
        files.bindDrafts(subject, plan.decided() + 1, clock.nowTimestamp());
        return reviewText(files.ofReport(subject, plan.decided() + 1));
    }

    /** Binds the verification's drafts (登记核实结果), in the completion's transaction; returns their text. */
    public String bindClueVerification(String clueCode) {
        EvidenceSubject subject = new EvidenceSubject.ClueVerification(clueCode);
        files.bindDrafts(subject, 1, clock.nowTimestamp());
        return reviewText(files.ofReport(subject, 1));
    }

    /** Binds the look-back check's drafts (登记核查结果), in the completion's transaction; returns their text. */
    public String bindLookBack(String roundCode, String measureCode) {
        long id = files.lookBackId(roundCode, measureCode).orElseThrow();
        EvidenceSubject subject = new EvidenceSubject.LookBack(id);
        files.bindDrafts(subject, 1, clock.nowTimestamp());
        return reviewText(files.ofReport(subject, 1));
    }

    /** The look-back check of a sampled measure in a round. */
    public Optional<EvidenceSubject.LookBack> lookBackOf(String roundCode, String measureCode) {
        return files.lookBackId(roundCode, measureCode).map(EvidenceSubject.LookBack::new);
    }

    /** How many documents a mechanism has. */
    public int mechanismFiles(long mechanismId) {
        return files.countOfMechanism(mechanismId);
    }

    /** Moves a mechanism's documents to the row that records it again (a rework's report replaces its rows). */
    public void moveMechanismFiles(long from, long to) {
        files.moveMechanismFiles(from, to);
    }

    /** Whether the caller may upload to (and remove drafts of) the subject now; false where refused. */
    public boolean mayWrite(EvidenceSubject subject) {
        try {
            writable(subject, "上传");
            return true;
        } catch (EvidenceException e) {
            return false;
        }
    }

    static String reviewText(List<EvidenceFile> reported) {
        if (reported.isEmpty()) {
            return "未上传";
        }
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (EvidenceFile file : reported) {
            text.append(text.isEmpty() ? "" : "\n").append(++n).append(". ").append(file.name()).append("（")
                .append(sizeText(file.size())).append("）");
            if (file.description() != null) {
                text.append("：").append(file.description());
            }
        }
        return text.toString();
    }

    /** A file's size as people read it: 512B, 3.5KB, 12MB. */
    static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        boolean mega = bytes >= 1024 * 1024;
        double value = bytes / (mega ? 1024.0 * 1024 : 1024.0);
        String text = String.format(java.util.Locale.ROOT, "%.1f", value);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + (mega ? "MB" : "KB");
    }

    private String allowedText() {
        return properties.allowedTypes().stream().map(DocumentTypes.KNOWN::get).collect(Collectors.joining("、"));
    }

    private static String boundText(EvidenceSubject subject, String report) {
        if (subject instanceof EvidenceSubject.UnitPlan) {
            return "已随第" + report + "次提交的整改方案提交";
        }
        if (subject instanceof EvidenceSubject.ClueVerification) {
            return "已随核实结果登记";
        }
        if (subject instanceof EvidenceSubject.LookBack) {
            return "已随核查结果登记";
        }
        return "已随第" + report + "次报告提交";
    }

    /** Checks that the caller may upload to or remove from the subject now: 404, 403 or 409 otherwise. */
    private void writable(EvidenceSubject subject, String action) {
        List<String> groups = user.groupIds();
        if (subject instanceof EvidenceSubject.MeasureReport m) {
            EvidenceRepository.MeasureRef measure = measure(m.measureCode());
            if (!groups.contains(measure.unitCode())) {
                throw forbidden("只有责任单位可以" + action + "措施" + m.measureCode() + "的佐证材料");
            }
            if (measure.processInstanceId() == null || !reportTask.isOpen(measure.processInstanceId())) {
                throw conflict("措施" + m.measureCode() + "的「单位整改并报告」任务不在办理中，不能" + action + "佐证材料");
            }
        } else if (subject instanceof EvidenceSubject.UnitPlan u) {
            EvidenceRepository.UnitPlanRef plan = unitPlan(u);
            if (!groups.contains(u.unitCode())) {
                throw forbidden("只有" + plan.unitName() + "可以" + action + "本单位整改方案的佐证材料");
            }
            if (!subjectTasks.unitPlanDraftOpen(plan.roundProcessInstanceId(), u.unitCode())) {
                throw conflict(plan.unitName() + "的「制定本单位整改方案」任务不在办理中，不能" + action + "佐证材料");
            }
        } else if (subject instanceof EvidenceSubject.ClueVerification c) {
            EvidenceRepository.ClueRef clue = clue(c);
            if (!groups.contains(RoleGroups.DISCIPLINE)) {
                throw forbidden("只有纪检监察组可以" + action + "线索" + c.clueCode() + "的核实材料");
            }
            if (!subjectTasks.clueVerificationOpen(clue.processInstanceId())) {
                throw conflict("线索" + c.clueCode() + "的「初步核实」任务不在办理中，不能" + action + "核实材料");
            }
        } else if (subject instanceof EvidenceSubject.LookBack b) {
            EvidenceRepository.LookBackRef lookBack = lookBack(b);
            if (!groups.contains(RoleGroups.SUPERVISION)) {
                throw forbidden("只有监督组可以" + action + "措施" + lookBack.measureCode() + "回头看核查的佐证材料");
            }
            if (!subjectTasks.lookBackCheckOpen(lookBack.roundProcessInstanceId(), lookBack.measureCode())) {
                throw conflict("措施" + lookBack.measureCode() + "的「核查整改成效」任务不在办理中，不能" + action + "佐证材料");
            }
        } else {
            EvidenceRepository.MechanismRef mechanism = mechanism((EvidenceSubject.Mechanism) subject);
            if (!groups.contains(mechanism.unitCode()) && !policy.mayRegisterRounds(groups)) {
                throw forbidden("只有制度机制的责任单位或整改专班可以" + action + "制度机制「" + mechanism.title() + "」的制度文件");
            }
            if (!mechanism.measures().isEmpty()
                && mechanism.measures().stream().allMatch(EvidenceRepository.AnsweredMeasure::archiveFinal)) {
                throw conflict("制度机制「" + mechanism.title() + "」所对应问题的档案均已定稿，不能" + action + "制度文件");
            }
        }
    }

    /** Checks that the caller may read the subject's files: 404 or 403 otherwise. */
    private void readable(EvidenceSubject subject) {
        List<String> groups = user.groupIds();
        boolean may;
        String what;
        if (subject instanceof EvidenceSubject.MeasureReport m) {
            EvidenceRepository.MeasureRef measure = measure(m.measureCode());
            may = policy.mayReadMeasure(groups, measure.unitCode(), measure.leadUnitCode());
            what = "措施" + m.measureCode() + "的佐证材料";
        } else if (subject instanceof EvidenceSubject.UnitPlan u) {
            EvidenceRepository.UnitPlanRef plan = unitPlan(u);
            may = policy.oversees(groups) || groups.contains(u.unitCode());
            what = plan.unitName() + "整改方案的佐证材料";
        } else if (subject instanceof EvidenceSubject.ClueVerification c) {
            clue(c);
            may = policy.oversees(groups);
            what = "线索" + c.clueCode() + "的核实材料";
        } else if (subject instanceof EvidenceSubject.LookBack b) {
            EvidenceRepository.LookBackRef lookBack = lookBack(b);
            may = policy.mayReadMeasure(groups, lookBack.unitCode(), lookBack.leadUnitCode());
            what = "措施" + lookBack.measureCode() + "回头看核查的佐证材料";
        } else {
            EvidenceRepository.MechanismRef mechanism = mechanism((EvidenceSubject.Mechanism) subject);
            may = policy.oversees(groups) || groups.contains(mechanism.unitCode()) || mechanism.measures().stream()
                .anyMatch(m -> policy.mayReadMeasure(groups, m.unitCode(), m.leadUnitCode()));
            what = "制度机制「" + mechanism.title() + "」的制度文件";
        }
        if (!may) {
            throw forbidden("无权查看" + what);
        }
    }

    private EvidenceRepository.MeasureRef measure(String measureCode) {
        return files.measure(measureCode).orElseThrow(() -> new EvidenceException(HttpStatus.NOT_FOUND,
            "措施" + measureCode + "不存在"));
    }

    private EvidenceRepository.UnitPlanRef unitPlan(EvidenceSubject.UnitPlan u) {
        return files.unitPlan(u.roundCode(), u.unitCode()).orElseThrow(() -> new EvidenceException(
            HttpStatus.NOT_FOUND, "巡察" + u.roundCode() + "中没有该单位的整改任务"));
    }

    private EvidenceRepository.ClueRef clue(EvidenceSubject.ClueVerification c) {
        return files.clue(c.clueCode()).orElseThrow(() -> new EvidenceException(HttpStatus.NOT_FOUND,
            "线索" + c.clueCode() + "不存在"));
    }

    private EvidenceRepository.LookBackRef lookBack(EvidenceSubject.LookBack b) {
        return files.lookBack(b.id()).orElseThrow(() -> new EvidenceException(HttpStatus.NOT_FOUND,
            "回头看核查" + b.id() + "不存在"));
    }

    private EvidenceRepository.MechanismRef mechanism(EvidenceSubject.Mechanism m) {
        return files.mechanism(m.id()).orElseThrow(() -> new EvidenceException(HttpStatus.NOT_FOUND,
            "制度机制" + m.id() + "不存在"));
    }

    private static String name(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (name.isEmpty()) {
            throw badRequest("文件（file）缺少文件名");
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static EvidenceException badRequest(String message) {
        return new EvidenceException(HttpStatus.BAD_REQUEST, message);
    }

    private static EvidenceException forbidden(String message) {
        return new EvidenceException(HttpStatus.FORBIDDEN, message);
    }

    private static EvidenceException conflict(String message) {
        return new EvidenceException(HttpStatus.CONFLICT, message);
    }

    private static EvidenceException notFound(EvidenceSubject subject, long id) {
        return new EvidenceException(HttpStatus.NOT_FOUND, subject.label() + "没有编号为" + id + "的佐证材料");
    }
}

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
import java.util.stream.Collectors;

import org.rectiflow.common.BoundedOutput;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.identity.AccessPolicy;
import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of evidence files: who uploads, reads and removes them (the measure's unit uploads and removes, only
 * while its 单位整改并报告 task is open; the unit, its key group's lead unit and the overseers read: {@link AccessPolicy}),
 * what is accepted (a document of an allowed type, detected from the bytes, within the per-file and per-measure
 * limits), and the draft → report rule: a file is a draft of the measure's next report until the report's
 * recording step binds the drafts of that moment ({@link #bindDrafts}); only a draft can be removed.
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
    private final ApiUser user;
    private final CurrentActor actor;
    private final EngineClock clock;

    public EvidenceService(EvidenceRepository files, EvidenceStore store, EvidenceProperties properties,
                           AccessPolicy policy, OpenReportTask reportTask, ApiUser user,
                           CurrentActor actor, EngineClock clock) {
        this.files = files;
        this.store = store;
        this.properties = properties;
        this.policy = policy;
        this.reportTask = reportTask;
        this.user = user;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Stores an upload as a draft of the measure's next report: streamed to a temporary file no larger than the
     * per-file limit, its type detected, then its row and content written in one transaction. A refusal names the
     * file and the reason and stores nothing.
     */
    @Transactional
    public EvidenceFile upload(String measureCode, String fileName, String description, InputStream content) {
        EvidenceRepository.MeasureRef measure = writable(measureCode, "上传");
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
            files.lockMeasure(measureCode);
            long total = files.totalSize(measureCode);
            if (total + size > properties.maxPerMeasure().toBytes()) {
                throw badRequest("文件「" + name + "」未上传：本措施的佐证材料已有" + sizeText(total)
                    + "，加上此文件将超过每项措施的上限" + properties.maxPerMeasureText());
            }
            Timestamp now = clock.nowTimestamp();
            String sha256 = HexFormat.of().formatHex(sha.digest());
            long id = files.insert(measureCode, name, text, size, document.type(), sha256, actor.id(), now);
            store.save(id, sha256, temp, size);
            return files.find(measureCode, id).orElseThrow();
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
        readable(measureCode);
        return files.ofMeasure(measureCode);
    }

    /** A file's metadata, for a user who may read the measure's files. */
    public EvidenceFile file(String measureCode, long id) {
        readable(measureCode);
        return files.find(measureCode, id).orElseThrow(() -> notFound(measureCode, id));
    }

    /** A file's content, streamed (the caller checked access through {@link #file}). */
    public InputStream content(EvidenceFile file) {
        return store.open(file.id(), file.sha256());
    }

    /** Removes a draft (never a file submitted with a report), while the unit's task is open. */
    @Transactional
    public void delete(String measureCode, long id) {
        writable(measureCode, "删除");
        EvidenceFile file = files.find(measureCode, id).orElseThrow(() -> notFound(measureCode, id));
        if (!file.isDraft()) {
            throw new EvidenceException(HttpStatus.CONFLICT, "文件「" + file.name() + "」已随第" + file.report()
                + "次报告提交，不能删除");
        }
        store.delete(id, file.sha256());
        if (!files.deleteDraft(measureCode, id)) {
            throw new EvidenceException(HttpStatus.CONFLICT, "文件「" + file.name() + "」已随报告提交，不能删除");
        }
    }

    /**
     * Binds the measure's drafts to the report just recorded (the measure's report count, counted by that report's
     * recording), in its transaction; returns the reviewers' text of the report's files, one line each (名称、大小、说明),
     * or 无 without any.
     */
    public String bindDrafts(String measureCode) {
        EvidenceRepository.MeasureRef measure = files.measure(measureCode).orElseThrow();
        files.bindDrafts(measureCode, measure.reportCount(), clock.nowTimestamp());
        return reviewText(files.ofReport(measureCode, measure.reportCount()));
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

    private EvidenceRepository.MeasureRef writable(String measureCode, String action) {
        EvidenceRepository.MeasureRef measure = measure(measureCode);
        if (!user.groupIds().contains(measure.unitCode())) {
            throw new EvidenceException(HttpStatus.FORBIDDEN, "只有责任单位可以" + action + "措施" + measureCode + "的佐证材料");
        }
        if (measure.processInstanceId() == null || !reportTask.isOpen(measure.processInstanceId())) {
            throw new EvidenceException(HttpStatus.CONFLICT, "措施" + measureCode + "的「单位整改并报告」任务不在办理中，不能"
                + action + "佐证材料");
        }
        return measure;
    }

    private EvidenceRepository.MeasureRef readable(String measureCode) {
        EvidenceRepository.MeasureRef measure = measure(measureCode);
        if (!policy.mayReadMeasure(user.groupIds(), measure.unitCode(), measure.leadUnitCode())) {
            throw new EvidenceException(HttpStatus.FORBIDDEN, "无权查看措施" + measureCode + "的佐证材料");
        }
        return measure;
    }

    private EvidenceRepository.MeasureRef measure(String measureCode) {
        return files.measure(measureCode).orElseThrow(() -> new EvidenceException(HttpStatus.NOT_FOUND,
            "措施" + measureCode + "不存在"));
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

    private static EvidenceException notFound(String measureCode, long id) {
        return new EvidenceException(HttpStatus.NOT_FOUND, "措施" + measureCode + "没有编号为" + id + "的佐证材料");
    }

}

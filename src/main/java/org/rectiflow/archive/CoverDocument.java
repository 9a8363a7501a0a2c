package org.rectiflow.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.evidence.EvidenceFile;
import org.rectiflow.evidence.EvidenceSubject;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureStatus;
import org.springframework.stereotype.Component;

/**
 * The cover document (封面与目录.docx) of a problem's archive, in the seed's terms: the round, the problem, each
 * measure (code, content, unit, leader, deadline, kind, status, outcome), its reports (progress, completion, the
 * 佐证材料 text and files), the review and sign-off with who and when, reminders (督办) and rework, its mechanisms
 * (制度机制), and the status history; then the list of the files in the archive (目录).
 */
@Component
public class CoverDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String REPORT = EvidenceSubject.MEASURE_REPORT;
    private static final String LOOK_BACK = EvidenceSubject.LOOK_BACK;
    private static final String MECHANISM = EvidenceSubject.MECHANISM;

    private final ArchiveRepository ledger;

    public CoverDocument(ArchiveRepository ledger) {
        this.ledger = ledger;
    }

    public void write(ArchiveRepository.Round round, ArchiveService.Problem problem,
                      Map<String, List<EvidenceFile>> files, OutputStream out) throws IOException {
        ArchiveRepository.MeasureRow first = problem.measures().get(0);
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setText("巡察整改问题档案（一问题一档案）");

            line(doc, "巡察轮次：" + round.title() + "（" + round.code() + "）");
            line(doc, "巡察组：" + round.inspectionGroup() + "；被巡察党组织：" + round.inspectedOrg()
                + "；反馈日期：" + round.feedbackDate());
            line(doc, "问题编号：" + problem.ref());
            line(doc, "问题类别：" + first.categorySeq() + ". " + first.categoryTitle());
            line(doc, "问题：" + first.problemTitle());
            line(doc, "问题状态：" + ("CLOSED".equals(first.problemStatus()) ? "已销号" : "整改中")
                + (first.problemClosedAt() == null ? "" : "（" + time(first.problemClosedAt()) + "）"));
            for (ArchiveRepository.History h : ledger.history("PROBLEM", problem.ref())) {
                line(doc, "  " + time(h.at()) + " " + h.actor() + "：" + (h.from() == null ? "" : h.from() + " → ")
                    + h.to() + (h.reason() == null ? "" : "（" + h.reason() + "）"));
            }

            for (ArchiveRepository.MeasureRow m : problem.measures()) {
                heading(doc, "整改措施 " + m.code());
                line(doc, "措施内容：" + m.content());
                line(doc, "责任单位：" + m.unitName() + "；责任领导：" + m.leader() + "；完成时限：" + m.deadline()
                    + "；类型：" + MeasureKind.valueOf(m.kind()).label());
                line(doc, "状态：" + MeasureStatus.valueOf(m.status()).label() + "；整改结果："
                    + Outcome.valueOf(m.outcome()).label()
                    + (m.closedAt() == null ? "" : "；办结时间：" + time(m.closedAt())));
                line(doc, "整改进展：" + text(m.progress()));
                line(doc, "完成情况：" + text(m.completionSummary()));
                for (ArchiveRepository.TextEvidence e : ledger.textEvidence(m.code())) {
                    line(doc, "第" + e.reportNo() + "次报告佐证材料说明：" + e.description() + "（" + e.by() + "，"
                        + time(e.at()) + "）");
                }
                List<EvidenceFile> all = files.getOrDefault(m.code(), List.of());
                List<EvidenceFile> own = all.stream().filter(f -> REPORT.equals(f.subject())).toList();
                line(doc, "佐证文件：" + own.size() + "份");
                for (EvidenceFile f : own) {
                    line(doc, "  第" + f.report() + "次报告：" + f.name() + "（" + f.size() + "字节"
                        + (f.description() == null ? "" : "，" + f.description()) + "，" + f.uploadedBy() + "上传）");
                }
                ledger.signOff(m.code()).ifPresentOrElse(s -> {
                    line(doc, "审核：" + text(s.reviewedBy()) + (s.reviewComment() == null ? "" : "，意见：" + s.reviewComment()));
                    line(doc, "销号：" + s.signedOffBy() + "，" + time(s.archivedAt())
                        + (s.signOffComment() == null ? "" : "，意见：" + s.signOffComment()));
                }, () -> line(doc, "销号：尚未销号"));
                line(doc, "退回重办：" + m.reworkCount() + "次");
                List<ArchiveRepository.Notice> notices = ledger.notices(m.code());
                line(doc, "督办：" + notices.size() + "次");
                for (ArchiveRepository.Notice n : notices) {
                    line(doc, "  " + n.stepDate() + " " + n.step() + "（" + n.colour() + "）：" + n.reason() + "（"
                        + n.by() + "）");
                }
                List<ArchiveRepository.Mechanism> mechanisms = ledger.mechanisms(m.code());
                line(doc, "制度机制：" + mechanisms.size() + "项");
                for (ArchiveRepository.Mechanism x : mechanisms) {
                    line(doc, "  " + x.title() + (x.docNumber() == null ? "" : "（" + x.docNumber() + "）") + "，"
                        + x.issuer() + "，" + x.issuedOn() + ("NEW".equals(x.revision()) ? "，新建" : "，修订"));
                }
                others(doc, all, LOOK_BACK, "回头看核查文件");
                others(doc, all, MECHANISM, "制度文件");
                line(doc, "办理记录：");
                for (ArchiveRepository.History h : ledger.history("MEASURE", m.code())) {
                    line(doc, "  " + time(h.at()) + " " + h.actor() + "：" + label(h.from()) + " → " + label(h.to())
                        + (h.reason() == null ? "" : "（" + h.reason() + "）"));
                }
            }

            heading(doc, "目录");
            XWPFTable table = doc.createTable(1, 3);
            table.getRow(0).getCell(0).setText("措施");
            table.getRow(0).getCell(1).setText("报告/类别");
            table.getRow(0).getCell(2).setText("文件");
            for (Map.Entry<String, List<EvidenceFile>> measure : files.entrySet()) {
                for (EvidenceFile f : measure.getValue()) {
                    var row = table.createRow();
                    row.getCell(0).setText(measure.getKey());
                    row.getCell(1).setText(folder(f));
                    row.getCell(2).setText(f.name());
                }
            }
            doc.write(out);
        }
    }

    /** A measure's look-back (回头看) or mechanism (制度机制) files, as the reports' are listed. */
    private static void others(XWPFDocument doc, List<EvidenceFile> all, String subject, String what) {
        List<EvidenceFile> listed = all.stream().filter(f -> subject.equals(f.subject())).toList();
        line(doc, what + "：" + listed.size() + "份");
        for (EvidenceFile f : listed) {
            line(doc, "  " + f.name() + "（" + f.size() + "字节" + (f.description() == null ? "" : "，" + f.description())
                + "，" + f.uploadedBy() + "上传）");
        }
    }

    /** The folder of a file within its measure's folder: 第n次报告, 回头看 or 制度机制. */
    static String folder(EvidenceFile file) {
        if (LOOK_BACK.equals(file.subject())) {
            return "回头看";
        }
        if (MECHANISM.equals(file.subject())) {
            return "制度机制";
        }
        return "第" + file.report() + "次报告";
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void line(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "无" : value;
    }

    private static String label(String status) {
        if (status == null) {
            return "—";
        }
        try {
            return MeasureStatus.valueOf(status).label();
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private static String time(LocalDateTime at) {
        return at == null ? "" : TIME.format(at);
    }
}

package org.rectiflow.mechanism;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.identity.Scope;
import org.rectiflow.mechanism.MechanismException.Violation;
import org.rectiflow.mechanism.MechanismRepository.MeasureRef;
import org.rectiflow.mechanism.MechanismRepository.UnitRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records mechanisms, checked by one set of rules whichever way they come: with the unit's report of a measure
 * (they answer that measure, their unit is its unit, and a rework's report replaces them) or by import (each names
 * its measures of the round; its unit, when left empty, is theirs). Every row is checked before anything is
 * written, and a refusal lists every bad row and field ({@link MechanismException}); the caller's transaction
 * (the task's, or the import's) writes all or nothing.
 */
@Service
public class MechanismService {

    /** The most mechanisms one report may record. */
    public static final int MAX_PER_REPORT = 50;
    /** The most mechanisms one import may hold. */
    public static final int MAX_PER_IMPORT = 2000;

    /** Who imports: the office may for any unit, a unit's user only for its own units' measures. */
    public record Importer(boolean office, Scope scope) {
    }

    /** A row (or a whole import) its user may not record: HTTP 403, nothing written. */
    public static class ForbiddenException extends RuntimeException {
        public ForbiddenException(String message) {
            super(message);
        }
    }

    private final MechanismRepository mechanisms;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final EvidenceService evidence;

    public MechanismService(MechanismRepository mechanisms, EngineClock clock, CurrentActor actor,
                            EvidenceService evidence) {
        this.mechanisms = mechanisms;
        this.clock = clock;
        this.actor = actor;
        this.evidence = evidence;
    }

    /**
     * Records the mechanisms of a measure's report, replacing what an earlier report of the measure recorded; rows
     * the user left wholly empty are skipped (numbering counts them, as the form shows them). Returns what the
     * measure's report now holds.
     */
    public List<Mechanism> recordWithReport(String measureCode, List<MechanismDraft> drafts) {
        MeasureRef measure = mechanisms.measure(measureCode)
            .orElseThrow(() -> new IllegalStateException("No measure " + measureCode));
        if (drafts.size() > MAX_PER_REPORT) {
            throw new MechanismException(List.of(new Violation(MAX_PER_REPORT + 1, null,
                "一次报告至多登记" + MAX_PER_REPORT + "项制度机制")));
        }
        List<Checked> checked = check(drafts, measure.roundCode(), measure);
        // a mechanism recorded again (same title) keeps its documents (制度文件); one with documents cannot be dropped
        Map<String, List<Long>> withFiles = new LinkedHashMap<>();
        for (Mechanism earlier : mechanisms.reportedWith(measureCode)) {
            if (evidence.mechanismFiles(earlier.id()) > 0) {
                withFiles.computeIfAbsent(earlier.title(), t -> new ArrayList<>()).add(earlier.id());
            }
        }
        Set<String> titles = checked.stream().map(Checked::title).collect(Collectors.toSet());
        for (String title : withFiles.keySet()) {
            if (!titles.contains(title)) {
                throw new MechanismException(List.of(new Violation(drafts.size() + 1, null,
                    "制度机制“" + shorten(title) + "”已上传制度文件，不能从报告中删除")));
            }
        }
        List<Long> kept = withFiles.values().stream().flatMap(List::stream).toList();
        mechanisms.deleteReportedWith(measureCode, kept);
        write(checked, measure.roundCode(), MechanismSource.REPORT, measureCode);
        for (Mechanism recorded : mechanisms.reportedWith(measureCode)) {
            if (kept.contains(recorded.id())) {
                continue;
            }
            for (long earlier : withFiles.getOrDefault(recorded.title(), List.of())) {
                evidence.moveMechanismFiles(earlier, recorded.id());
                mechanisms.delete(earlier);
            }
            withFiles.remove(recorded.title());
        }
        return mechanisms.reportedWith(measureCode);
    }

    /** Imports mechanisms into a round, all or none (one transaction); returns how many were recorded. */
    @Transactional
    public int importAll(String roundCode, List<MechanismDraft> drafts, Importer importer) {
        if (drafts == null || drafts.isEmpty()) {
            throw new MechanismException(List.of(new Violation(1, null, "没有要登记的制度机制")));
        }
        if (drafts.size() > MAX_PER_IMPORT) {
            throw new MechanismException(List.of(new Violation(MAX_PER_IMPORT + 1, null,
                "一次至多导入" + MAX_PER_IMPORT + "项制度机制")));
        }
        List<Checked> checked = check(drafts, roundCode, null);
        if (!importer.office()) {
            for (Checked row : checked) {
                Set<String> units = new LinkedHashSet<>(row.measureUnits());
                units.add(row.unit().code());
                if (importer.scope().isAllUnits() || !units.stream().allMatch(importer.scope()::includes)) {
                    throw new ForbiddenException("第" + row.row() + "条：只能为本单位的整改措施登记制度机制");
                }
            }
        }
        write(checked, roundCode, MechanismSource.IMPORT, null);
        return checked.size();
    }

    /** The round's mechanisms of the units in the scope. */
    public List<Mechanism> ofRound(String roundCode, Scope scope) {
        return mechanisms.ofRound(roundCode, scope);
    }

    public boolean roundExists(String roundCode) {
        return mechanisms.roundExists(roundCode);
    }

    /** What a measure's report recorded, in the order entered. */
    public List<Mechanism> reportedWith(String measureCode) {
        return mechanisms.reportedWith(measureCode);
    }

    /** The reviewers' text: one numbered line per mechanism the measure's report recorded, or 「未登记」. */
    public String reviewText(String measureCode) {
        List<Mechanism> recorded = mechanisms.reportedWith(measureCode);
        if (recorded.isEmpty()) {
            return "未登记";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < recorded.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(recorded.get(i).line());
        }
        return text.toString();
    }

    private record Checked(int row, String title, String docNumber, String issuer, LocalDate issuedOn,
                           MechanismRevision revision, UnitRef unit, List<String> measures, Set<String> measureUnits) {
    }

    /** Checks every non-empty row; throws with every error, or returns the rows to write. */
    private List<Checked> check(List<MechanismDraft> drafts, String roundCode, MeasureRef reportedMeasure) {
        List<Violation> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        LocalDate today = clock.today();
        for (int i = 0; i < drafts.size(); i++) {
            MechanismDraft draft = drafts.get(i);
            if (draft == null || draft.isBlank()) {
                continue;
            }
            int row = i + 1;
            int before = errors.size();
            String title = text(draft.title(), MechanismColumn.TITLE, true, row, errors);
            if (title != null && title.startsWith("《") && title.endsWith("》") && title.length() > 2) {
                title = title.substring(1, title.length() - 1).strip();
            }
            String docNumber = text(draft.docNumber(), MechanismColumn.DOC_NUMBER, false, row, errors);
            String issuer = text(draft.issuer(), MechanismColumn.ISSUER, true, row, errors);
            LocalDate issuedOn = date(draft.issuedOn(), today, row, errors);
            MechanismRevision revision = null;
            String revisionText = text(draft.revision(), MechanismColumn.REVISION, true, row, errors);
            if (revisionText != null) {
                revision = MechanismRevision.parse(revisionText).orElse(null);
                if (revision == null) {
                    errors.add(new Violation(row, MechanismColumn.REVISION,
                        "应为“新建”或“修订”，此处为“" + revisionText + "”"));
                }
            }
            List<String> measureCodes = new ArrayList<>();
            Set<String> measureUnits = new LinkedHashSet<>();
            if (reportedMeasure != null) {
                measureCodes.add(reportedMeasure.code());
                measureUnits.add(reportedMeasure.unitCode());
            } else {
                measures(draft.measures(), roundCode, row, errors, measureCodes, measureUnits);
            }
            UnitRef unit = null;
            if (reportedMeasure != null) {
                unit = mechanisms.unit(reportedMeasure.unitCode()).orElseThrow();
            } else {
                String unitText = text(draft.unit(), MechanismColumn.UNIT, false, row, errors);
                if (unitText != null) {
                    unit = mechanisms.unit(unitText).orElse(null);
                    if (unit == null) {
                        errors.add(new Violation(row, MechanismColumn.UNIT, "单位“" + unitText + "”不存在"));
                    }
                } else if (measureUnits.size() == 1) {
                    unit = mechanisms.unit(measureUnits.iterator().next()).orElseThrow();
                } else if (measureUnits.size() > 1) {
                    errors.add(new Violation(row, MechanismColumn.UNIT, "对应整改措施属于多个单位，请填写单位"));
                }
            }
            if (errors.size() == before) {
                checked.add(new Checked(row, title, docNumber, issuer, issuedOn, revision, unit,
                    List.copyOf(measureCodes), measureUnits));
            }
        }
        if (!errors.isEmpty()) {
            throw new MechanismException(errors);
        }
        return checked;
    }

    private void measures(List<String> codes, String roundCode, int row, List<Violation> errors,
                          List<String> measureCodes, Set<String> measureUnits) {
        List<String> given = codes == null ? List.of()
            : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
        if (given.isEmpty()) {
            errors.add(new Violation(row, MechanismColumn.MEASURES, "请填写对应整改措施的编号"));
            return;
        }
        for (String code : given) {
            if (measureCodes.contains(code)) {
                errors.add(new Violation(row, MechanismColumn.MEASURES, "整改措施" + code + "重复"));
                continue;
            }
            Optional<MeasureRef> measure = code.length() > 64 ? Optional.empty() : mechanisms.measure(code);
            if (measure.isEmpty() || !measure.get().roundCode().equals(roundCode)) {
                errors.add(new Violation(row, MechanismColumn.MEASURES,
                    "整改措施" + shorten(code) + "不是本轮次（" + roundCode + "）的整改措施"));
                continue;
            }
            measureCodes.add(code);
            measureUnits.add(measure.get().unitCode());
        }
    }

    private static String text(String value, MechanismColumn column, boolean required, int row,
                               List<Violation> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new Violation(row, column, "请填写" + column.label()));
            }
            return null;
        }
        if (text.length() > column.maxLength()) {
            errors.add(new Violation(row, column, column.label() + "不能超过" + column.maxLength() + "个字符"));
            return null;
        }
        return text;
    }

    private static LocalDate date(String value, LocalDate today, int row, List<Violation> errors) {
        String text = text(value, MechanismColumn.ISSUED_ON, true, row, errors);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (date.isAfter(today)) {
                errors.add(new Violation(row, MechanismColumn.ISSUED_ON, "印发日期不能晚于今天（" + EngineClock.chinese(today) + "）"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Violation(row, MechanismColumn.ISSUED_ON, "日期格式应为 yyyy-MM-dd，此处为“" + shorten(text) + "”"));
            return null;
        }
    }

    private void write(List<Checked> rows, String roundCode, MechanismSource source, String reportedWith) {
        String who = actor.id();
        var now = clock.nowTimestamp();
        for (Checked row : rows) {
            mechanisms.insert(roundCode, row.unit().code(), row.title(), row.docNumber(), row.issuer(), row.issuedOn(),
                row.revision(), source, reportedWith, row.measures(), who, now);
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Codes in one cell, separated by 、 or a comma (，or ,), or by white space. */
    public static List<String> splitCodes(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toList());
    }
}

package org.rectiflow.measure;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.ledger.StatusHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 未完成 recorded at the round's report ({@code POST /api/rounds/{code}/not-done}): when the office writes the
 * round's 整改情况报告 it records open measures of the round as 未完成, each with the reason and the new planned date
 * ({@link Measure#recordNotDone}). All or nothing, every error keyed by its row ({@code [1].plannedDate: …}); each
 * measure recorded gets a line in the status history naming who recorded it. The measure stays open with its unit;
 * every figure counts it 未完成, since they all read the measure's outcome.
 */
@Service
public class NotDoneAtReport {

    /** One measure to record: its code, why it is not done, and by when it is now planned. */
    public record Entry(String measureCode, String reason, LocalDate plannedDate) {
    }

    /** A request refused: every error, keyed by its row; nothing was written. */
    public static class RefusedException extends RuntimeException {

        private final List<String> errors;

        public RefusedException(List<String> errors) {
            super("未完成登记未通过校验，未作任何更改: " + String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    static final int MAX_REASON = 2000;

    private final MeasureRepository measures;
    private final StatusHistory history;
    private final EngineClock clock;
    private final CurrentActor actor;

    public NotDoneAtReport(MeasureRepository measures, StatusHistory history, EngineClock clock, CurrentActor actor) {
        this.measures = measures;
        this.history = history;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * Records the measures of the round as 未完成, all or none.
     *
     * @return how many were recorded
     * @throws RefusedException with every error, nothing written
     */
    @Transactional
    public int record(String roundCode, List<Entry> entries) {
        LocalDate today = clock.today();
        List<String> errors = new ArrayList<>();
        List<Measure> recorded = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            throw new RefusedException(List.of("请至少列出一项措施（measureCode、reason、plannedDate）"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String at = "[" + i + "]";
            if (entry == null) {
                errors.add(at + ": 不能为空");
                continue;
            }
            Optional<Measure> measure = Optional.empty();
            if (entry.measureCode() == null || entry.measureCode().isBlank()) {
                errors.add(at + ".measureCode: 请填写措施编号");
            } else if (!seen.add(entry.measureCode())) {
                errors.add(at + ".measureCode: 措施「" + shorten(entry.measureCode()) + "」在本次登记中重复");
            } else {
                measure = measures.find(entry.measureCode()).filter(m -> m.roundCode().equals(roundCode));
                if (measure.isEmpty()) {
                    errors.add(at + ".measureCode: 措施「" + shorten(entry.measureCode()) + "」不是本轮次「" + roundCode
                        + "」的整改措施");
                } else if (measure.get().isClosed()) {
                    errors.add(at + ".measureCode: 措施「" + entry.measureCode() + "」已"
                        + measure.get().status().label() + "，不能记为未完成");
                    measure = Optional.empty();
                }
            }
            boolean valid = measure.isPresent();
            if (entry.reason() == null || entry.reason().isBlank()) {
                errors.add(at + ".reason: 请填写未完成原因");
                valid = false;
            } else if (entry.reason().strip().length() > MAX_REASON) {
                errors.add(at + ".reason: 未完成原因至多" + MAX_REASON + "字，此处" + entry.reason().strip().length() + "字");
                valid = false;
            }
            if (entry.plannedDate() == null) {
                errors.add(at + ".plannedDate: 请填写计划完成时间");
                valid = false;
            } else if (entry.plannedDate().isBefore(today)) {
                errors.add(at + ".plannedDate: 计划完成时间 " + entry.plannedDate() + " 早于今天 " + today);
                valid = false;
            }
            if (valid) {
                recorded.add(measure.get().recordNotDone(entry.reason().strip(), entry.plannedDate(), today));
            }
        }
        if (!errors.isEmpty()) {
            throw new RefusedException(errors);
        }
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        for (int i = 0; i < recorded.size(); i++) {
            Measure notDone = recorded.get(i);
            if (!measures.saveNotDone(notDone)) {
                // closed beside this request: refuse the whole request (the transaction rolls the others back)
                throw new RefusedException(List.of("[" + i + "].measureCode: 措施「" + notDone.code()
                    + "」已办结，不能记为未完成，请刷新后重试"));
            }
            history.record(StatusHistory.Entity.MEASURE, notDone.code(), notDone.status().name(),
                notDone.status().name(), who, "整改专班在整改情况报告中记为未完成（计划" + notDone.plannedDate()
                    + "前完成）：" + notDone.notDoneReason(), now);
        }
        return recorded.size();
    }

    /** The round's measures by outcome now: what the report's form tells the office. */
    public List<org.rectiflow.common.deadline.Outcome> outcomes(String roundCode) {
        return measures.outcomes(roundCode);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

package org.rectiflow.inspection;

import java.time.LocalDate;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.springframework.stereotype.Service;

/**
 * The rules of a round's work records and of the office's own text for its public report: a record has its kind,
 * date and title; a report text replaces the previous one whole, and what is left empty is generated again.
 */
@Service
public class WorkRecordService {

    private final WorkRecordRepository records;
    private final EngineClock clock;
    private final CurrentActor actor;

    public WorkRecordService(WorkRecordRepository records, EngineClock clock, CurrentActor actor) {
        this.records = records;
        this.clock = clock;
        this.actor = actor;
    }

    public void record(String roundCode, WorkRecordKind kind, LocalDate heldOn, String title, String participants,
                       String summary) {
        records.insert(roundCode, kind, heldOn, title, participants, summary, actor.id(), clock.nowTimestamp());
    }

    /** The contact lines one a line, as the office typed them; blank lines dropped. */
    public void saveReportText(String roundCode, String nextSteps, String contact, String issuer) {
        records.saveReportText(roundCode, new WorkRecordRepository.ReportText(blankToNull(nextSteps),
            blankToNull(contact == null ? null : contact.lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse(null)), blankToNull(issuer)), actor.id(), clock.nowTimestamp());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

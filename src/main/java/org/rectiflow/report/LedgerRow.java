package org.rectiflow.report;

import java.time.LocalDate;

import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.measure.MeasureStatus;

/**
 * One measure as the ledger (台账) lists it, with its outcome (and a 未完成's reason and planned date) and its key
 * group, for the workbook's figures.
 *
 * @param problem "no. title": the problem it answers, unique in its round
 * @param evidenceFiles the evidence files (佐证文件) submitted with its reports (drafts not counted)
 */
public record LedgerRow(int no, String measureCode, String category, String problem, String content, String unitCode,
                        String unitName, String leadUnitName, String leaderName, LocalDate deadline,
                        MeasureStatus status, String progress, LocalDate closedOn, int noticeCount,
                        String keyGroupName, Outcome outcome, String notDoneReason, LocalDate plannedDate,
                        int evidenceFiles) {
}

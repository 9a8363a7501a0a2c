package org.rectiflow.report;

import java.time.LocalDate;

import org.rectiflow.measure.MeasureStatus;

/** One measure as the ledger (台账) lists it. */
public record LedgerRow(int no, String measureCode, String category, String problem, String content, String unitCode,
                        String unitName, String leadUnitName, String leaderName, LocalDate deadline,
                        MeasureStatus status, String progress, LocalDate closedOn, int noticeCount) {
}

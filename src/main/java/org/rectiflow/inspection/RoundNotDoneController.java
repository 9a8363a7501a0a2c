package org.rectiflow.inspection;

import java.util.List;
import java.util.Map;

import org.rectiflow.measure.NotDoneAtReport;
import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rounds/{code}/not-done} with {@code [{"measureCode": …, "reason": …, "plannedDate":
 * "yyyy-MM-dd"}, …]}: the office records open measures of the round as 未完成 when it writes the round's report
 * ({@link NotDoneAtReport}). 200 with how many were recorded; 400 with every error by row, nothing recorded; 404
 * for an unknown round. Office only.
 */
@RestController
public class RoundNotDoneController {

    private final NotDoneAtReport notDone;
    private final RoundRepository rounds;
    private final ApiUser user;

    public RoundNotDoneController(NotDoneAtReport notDone, RoundRepository rounds, ApiUser user) {
        this.notDone = notDone;
        this.rounds = rounds;
        this.user = user;
    }

    @PostMapping("/api/rounds/{code}/not-done")
    public ResponseEntity<Map<String, Object>> record(@PathVariable String code,
                                                      @RequestBody List<NotDoneAtReport.Entry> entries) {
        user.requireOffice();
        if (!rounds.exists(code)) {
            String unknown = "未找到巡察轮次「" + (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "」";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", unknown,
                "errors", List.of("code: " + unknown)));
        }
        return ResponseEntity.ok(Map.of("recorded", notDone.record(code, entries)));
    }

    @ExceptionHandler(NotDoneAtReport.RefusedException.class)
    public ResponseEntity<Map<String, Object>> refused(NotDoneAtReport.RefusedException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "未完成登记未通过校验，未作任何更改",
            "errors", e.errors()));
    }
}

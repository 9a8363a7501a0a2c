package org.rectiflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.security.ApiUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/rounds/{code}/ledger.xlsx}: the ledger, in the user's {@link org.rectiflow.identity.Scope}: an
 * overseer gets every row, a unit's user its own unit's rows.
 */
@RestController
public class LedgerController {

    static final MediaType XLSX =
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerWorkbook workbook;
    private final ReportReadModel ledger;
    private final RoundRepository rounds;
    private final ApiUser user;

    public LedgerController(LedgerWorkbook workbook, ReportReadModel ledger, RoundRepository rounds, ApiUser user) {
        this.workbook = workbook;
        this.ledger = ledger;
        this.rounds = rounds;
        this.user = user;
    }

    @GetMapping("/api/rounds/{code}/ledger.xlsx")
    public ResponseEntity<byte[]> ledger(@PathVariable String code) throws IOException {
        if (!rounds.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + code);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var scope = user.scope();
        workbook.write(ledger.ledgerRows(code, scope), ledger.mechanisms(code, scope), out);
        return ResponseEntity.ok().contentType(XLSX)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(code + "-台账.xlsx", StandardCharsets.UTF_8).build().toString())
            .body(out.toByteArray());
    }
}

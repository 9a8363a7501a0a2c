package org.rectiflow.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rectiflow.mechanism.Mechanism;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismException;
import org.rectiflow.mechanism.MechanismService;
import org.rectiflow.security.ApiUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * A round's mechanisms (制度机制) recorded outside a unit's report, beside the round import whose workbook reading
 * they share. {@code POST /api/rounds/{code}/mechanisms}: a JSON list of {@link MechanismDraft} or an {@code .xlsx}
 * upload (part {@code file}, {@link MechanismWorkbook}); all or nothing; 201 with the count, 400 with every bad row
 * and column, 403 for a row of another unit's measure (a unit's user records only its own unit's; the office any
 * unit's; nobody else). {@code GET …/mechanisms}: the round's mechanisms the user may see (every unit's for the
 * overseers, the user's own unit's otherwise). {@code GET …/mechanisms/template}: the empty workbook.
 */
@RestController
public class MechanismImportController {

    private final MechanismService mechanisms;
    private final MechanismWorkbook workbook;
    private final ApiUser user;
    private final RoundImportProperties importProperties;

    public MechanismImportController(MechanismService mechanisms, MechanismWorkbook workbook, ApiUser user,
                                     RoundImportProperties importProperties) {
        this.mechanisms = mechanisms;
        this.workbook = workbook;
        this.user = user;
        this.importProperties = importProperties;
    }

    @PostMapping(path = "/api/rounds/{code}/mechanisms", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> importJson(@PathVariable String code,
                                                          @RequestBody List<MechanismDraft> drafts) {
        return recorded(code, mechanisms.importAll(code, drafts, importer(code)));
    }

    @PostMapping(path = "/api/rounds/{code}/mechanisms", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> importWorkbook(@PathVariable String code,
                                                              @RequestParam("file") MultipartFile file)
        throws IOException {
        MechanismService.Importer importer = importer(code);
        if (file.getSize() > importProperties.maxSize().toBytes()) {
            throw new WorkbookException(List.of(importProperties.tooLargeMessage()));
        }
        MechanismWorkbook.Rows rows;
        try (InputStream in = file.getInputStream()) {
            rows = workbook.read(in);
        }
        try {
            return recorded(code, mechanisms.importAll(code, rows.drafts(), importer));
        } catch (MechanismException e) {
            List<String> errors = new ArrayList<>();
            for (MechanismException.Violation v : e.violations()) {
                int line = v.row() <= rows.lines().size() ? rows.lines().get(v.row() - 1) : 0;
                errors.add(MechanismWorkbook.place(line, v.column() == null ? null : v.column().label())
                    + v.problem());
            }
            throw new WorkbookException(errors);
        }
    }

    @GetMapping("/api/rounds/{code}/mechanisms")
    public List<Mechanism> list(@PathVariable String code) {
        requireRound(code);
        return mechanisms.ofRound(code, user.scope());
    }

    @GetMapping("/api/rounds/{code}/mechanisms/template")
    public ResponseEntity<byte[]> template(@PathVariable String code) throws IOException {
        user.groupIds(); // any authenticated user
        requireRound(code);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.writeTemplate(out);
        return ResponseEntity.ok().contentType(RoundImportController.XLSX)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(code + "制度机制导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
            .body(out.toByteArray());
    }

    /** The office imports for any unit; a unit's user for its own; an overseer that is not the office, nobody else. */
    private MechanismService.Importer importer(String code) {
        boolean office = user.isOffice();
        var scope = user.scope();
        if (!office && scope.isAllUnits()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有整改专班或本单位可以登记制度机制");
        }
        requireRound(code);
        return new MechanismService.Importer(office, scope);
    }

    private void requireRound(String code) {
        if (!mechanisms.roundExists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "巡察轮次" + code + "不存在");
        }
    }

    private static ResponseEntity<Map<String, Object>> recorded(String code, int count) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("round", code, "recorded", count));
    }

    @ExceptionHandler(MechanismService.ForbiddenException.class)
    public ResponseEntity<Map<String, Object>> forbidden(MechanismService.ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage() + "，未登记任何内容",
            "errors", List.of(e.getMessage())));
    }

    @ExceptionHandler(MechanismException.class)
    public ResponseEntity<Map<String, Object>> invalid(MechanismException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "制度机制未通过校验，未登记任何内容",
            "errors", e.importMessages()));
    }

    @ExceptionHandler(WorkbookException.class)
    public ResponseEntity<Map<String, Object>> badWorkbook(WorkbookException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "工作簿未通过校验，未登记任何内容", "errors", e.errors()));
    }
}

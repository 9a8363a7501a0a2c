package org.rectiflow.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.rectiflow.security.ApiUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * {@code POST /api/rounds}: registers a feedback sent as JSON (a {@link RoundRegistration}) or as an
 * {@code .xlsx} upload (multipart part {@code file}, the sheets of {@link RoundSheets}, read by
 * {@link RoundWorkbookReader}) and starts its {@code inspection-round}, in one transaction. Both are checked by
 * the same rules ({@link RoundRules}). 201 with the code and the process instance; 400 with every
 * bad field (a workbook's errors name sheet, row and column); 409 for a code that exists; only the office may.
 * {@code GET /api/rounds/template.xlsx}: the empty workbook to fill in, for any user.
 */
@RestController
public class RoundImportController {

    static final MediaType XLSX =
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final InspectionRoundService rounds;
    private final RoundRepository repository;
    private final ApiUser user;
    private final RoundWorkbookTemplate template;
    private final RoundWorkbookReader reader;
    private final RoundImportProperties importProperties;

    public RoundImportController(InspectionRoundService rounds, RoundRepository repository, ApiUser user,
                                 RoundWorkbookTemplate template, RoundWorkbookReader reader,
                                 RoundImportProperties importProperties) {
        this.rounds = rounds;
        this.repository = repository;
        this.user = user;
        this.template = template;
        this.reader = reader;
        this.importProperties = importProperties;
    }

    @PostMapping(path = "/api/rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> register(@RequestBody RoundRegistration registration) {
        user.requireOffice();
        return registered(registration);
    }

    @PostMapping(path = "/api/rounds", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, String>> importWorkbook(@RequestParam("file") MultipartFile file)
        throws IOException {
        user.requireOffice();
        if (file.getSize() > importProperties.maxSize().toBytes()) {
            throw new WorkbookException(List.of(importProperties.tooLargeMessage()));
        }
        RoundRegistration registration;
        try (InputStream in = file.getInputStream()) {
            registration = reader.read(in);
        }
        return registered(registration);
    }

    private ResponseEntity<Map<String, String>> registered(RoundRegistration registration) {
        if (registration.code() != null && repository.exists(registration.code())) {
            throw new RoundExistsException(registration.code());
        }
        String instance = rounds.register(registration);
        return ResponseEntity.created(URI.create("/api/rounds/" + registration.code() + "/summary"))
            .body(Map.of("code", registration.code(), "processInstanceId", instance));
    }

    @GetMapping("/api/rounds/template.xlsx")
    public ResponseEntity<byte[]> template() throws IOException {
        user.groupIds(); // any authenticated user
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.writeTemplate(out);
        return ResponseEntity.ok().contentType(XLSX)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("巡察整改导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
            .body(out.toByteArray());
    }

    @ExceptionHandler(RegistrationException.class)
    public ResponseEntity<Map<String, Object>> invalid(RegistrationException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "巡察轮次未通过校验，未登记任何内容",
            "errors", e.errors()));
    }

    @ExceptionHandler(RoundExistsException.class)
    public ResponseEntity<Map<String, Object>> exists(RoundExistsException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage(),
            "errors", List.of("code: " + e.getMessage())));
    }

    @ExceptionHandler(WorkbookException.class)
    public ResponseEntity<Map<String, Object>> badWorkbook(WorkbookException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "工作簿未通过校验，未登记任何内容",
            "errors", e.errors()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<Map<String, Object>> noFile(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "请上传工作簿",
            "errors", List.of(e.getRequestPartName() + ": 缺少上传的xlsx文件")));
    }
}

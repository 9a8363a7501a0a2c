package org.rectiflow.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.rectiflow.identity.Organisation;
import org.rectiflow.identity.OrganisationChangeException;
import org.rectiflow.identity.OrganisationService;
import org.rectiflow.inspection.RoundImportProperties;
import org.rectiflow.inspection.WorkbookException;
import org.rectiflow.security.ApiUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * {@code GET /api/organisation}: the whole organisation (role groups, units with their kind, parent, retired flag
 * and merge, key groups, people). {@code PUT /api/organisation}: creates or changes the entries sent
 * ({@link Organisation}), all or nothing; 200 with the organisation after the change, 400 with every error keyed
 * by its path. Takes effect at once (Camunda groups, memberships, authorizations). The same as a workbook
 * ({@link OrganisationWorkbook}): {@code GET /api/organisation/template} (empty), {@code GET
 * /api/organisation/workbook} (the current organisation) and {@code POST /api/organisation/workbook} (multipart part
 * {@code file}: applied like a PUT, its errors naming sheet, row and column). The office and the administrators
 * only.
 */
@RestController
public class OrganisationController {

    private static final MediaType XLSX =
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final OrganisationService organisation;
    private final ApiUser user;
    private final OrganisationWorkbook workbook;
    private final RoundImportProperties importProperties;

    public OrganisationController(OrganisationService organisation, ApiUser user, OrganisationWorkbook workbook,
                                  RoundImportProperties importProperties) {
        this.organisation = organisation;
        this.user = user;
        this.workbook = workbook;
        this.importProperties = importProperties;
    }

    @GetMapping("/api/organisation")
    public Organisation get() {
        user.requireOffice();
        return organisation.current();
    }

    @PutMapping("/api/organisation")
    public Organisation put(@RequestBody Organisation change) {
        user.requireOffice();
        organisation.apply(change);
        return organisation.current();
    }

    @GetMapping("/api/organisation/template")
    public ResponseEntity<byte[]> template() throws IOException {
        user.requireOffice();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.writeTemplate(out);
        return xlsx("组织机构导入模板.xlsx", out);
    }

    @GetMapping("/api/organisation/workbook")
    public ResponseEntity<byte[]> workbook() throws IOException {
        user.requireOffice();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.writeCurrent(out);
        return xlsx("组织机构.xlsx", out);
    }

    @PostMapping(path = "/api/organisation/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Organisation upload(@RequestParam("file") MultipartFile file) throws IOException {
        user.requireOffice();
        if (file.getSize() > importProperties.maxSize().toBytes()) {
            throw new WorkbookException(List.of(importProperties.tooLargeMessage()));
        }
        OrganisationWorkbook.Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = workbook.read(in);
        }
        try {
            organisation.apply(upload.change());
        } catch (OrganisationChangeException e) {
            throw new WorkbookException(upload.placed(e.errors()));
        }
        return organisation.current();
    }

    private static ResponseEntity<byte[]> xlsx(String filename, ByteArrayOutputStream out) {
        return ResponseEntity.ok().contentType(XLSX)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8).build().toString())
            .body(out.toByteArray());
    }

    @ExceptionHandler(WorkbookException.class)
    public ResponseEntity<Map<String, Object>> badWorkbook(WorkbookException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "工作簿未通过校验，组织机构未作任何更改",
            "errors", e.errors()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<Map<String, Object>> noFile(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "请上传工作簿",
            "errors", List.of(e.getRequestPartName() + ": 缺少上传的xlsx文件")));
    }

    @ExceptionHandler(OrganisationChangeException.class)
    public ResponseEntity<Map<String, Object>> refused(OrganisationChangeException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "组织机构未通过校验，未作任何更改",
            "errors", List.copyOf(e.errors())));
    }
}

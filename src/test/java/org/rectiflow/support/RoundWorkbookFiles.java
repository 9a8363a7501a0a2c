package org.rectiflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The round import as an office uses it: cells of the template ({@code GET /api/rounds/template.xlsx}) filled in
 * by sheet, Excel row and header, and the workbook sent to {@code POST /api/rounds}.
 */
public final class RoundWorkbookFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RoundWorkbookFiles() {
    }

    /** Sends the workbook to {@code POST /api/rounds} on this machine's port, with this Authorization header. */
    public static HttpResponse<String> upload(int port, String authorization, byte[] file) throws Exception {
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"round.xlsx\"\r\n"
            + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rounds"))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Row row(Sheet sheet, int excelRow) {
        Row row = sheet.getRow(excelRow - 1);
        return row == null ? sheet.createRow(excelRow - 1) : row;
    }

    /** Sets a cell by its Excel row and header: text, a number, a date, or null for blank. */
    public static void set(Workbook workbook, String sheetName, int excelRow, String header, Object value) {
        Sheet sheet = workbook.getSheet(sheetName);
        int column = -1;
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                column = cell.getColumnIndex();
            }
        }
        assertThat(column).as(sheetName + " " + header).isNotNegative();
        Cell cell = row(sheet, excelRow).getCell(column);
        if (cell == null) {
            cell = row(sheet, excelRow).createCell(column);
        }
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(workbook.getCellStyleAt(0));
        } else if (value instanceof LocalDate date) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellValue(date);
            cell.setCellStyle(style);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}

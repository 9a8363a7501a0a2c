package org.rectiflow.inspection;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.rectiflow.common.BoundedOutput;

/**
 * An uploaded workbook, opened safely for each import that reads one (the round's, {@link RoundWorkbookReader}, and
 * the organisation's): kept in a temporary file no larger than {@code rectiflow.import.max-size}, its parts
 * checked ({@link WorkbookPartsCheck}: sizes, cell lengths, shared strings, no DOCTYPE, valid XML) before the
 * streaming reader opens it, and removed afterwards. A file that is not an xlsx workbook, or whose content cannot
 * be read, is a {@link WorkbookException}.
 */
public final class WorkbookUpload {

    static final String NOT_XLSX = "文件不是有效的xlsx工作簿";
    static final String UNREADABLE = "工作簿的内容无法读取，请用Excel另存为xlsx后再导入";
    /** Rows the streaming reader parses ahead. */
    private static final int ROW_CACHE = 100;

    private WorkbookUpload() {
    }

    /**
     * Opens the upload and hands the streamed workbook to {@code reading}, returning what it returns (a streamed
     * sheet can be read once: that is the reading).
     */
    public static <T> T read(InputStream in, RoundImportProperties properties, Function<Workbook, T> reading) {
        Path file = null;
        try {
            file = Files.createTempFile("rectiflow-import-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                if (in.transferTo(new BoundedOutput(out, properties.maxSize().toBytes())) > properties.maxSize().toBytes()) {
                    throw new WorkbookException(List.of(properties.tooLargeMessage()));
                }
            }
            try (InputStream head = new BufferedInputStream(Files.newInputStream(file))) {
                if (FileMagic.valueOf(head) != FileMagic.OOXML) {
                    throw notXlsx();
                }
            }
            WorkbookPartsCheck.check(file.toFile(), properties);
            try (Workbook workbook = open(file.toFile())) {
                return reading.apply(workbook);
            } catch (ExcelRuntimeException | POIXMLException | OpenXML4JRuntimeException e) {
                // the parts were checked: what remains is a workbook whose content the reader cannot make sense of
                throw new WorkbookException(List.of(UNREADABLE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * The workbook opened for streaming (the sheets are parsed row by row as they are read, never held as a
     * whole), or a {@link WorkbookException} when the file is not an xlsx workbook.
     */
    private static Workbook open(File file) {
        try {
            Workbook workbook = StreamingReader.builder()
                .rowCacheSize(ROW_CACHE)
                .setReadSharedFormulas(true)
                .open(file);
            if (workbook.getNumberOfSheets() == 0) {
                // another OOXML document (a docx opens as a package without a workbook part): every xlsx has a sheet
                workbook.close();
                throw notXlsx();
            }
            return workbook;
        } catch (WorkbookException e) {
            throw e;
        } catch (Exception e) {
            // a zip without [Content_Types].xml, another OOXML document (docx, pptx), xlsb
            throw notXlsx();
        }
    }

    private static WorkbookException notXlsx() {
        return new WorkbookException(List.of(NOT_XLSX));
    }
}

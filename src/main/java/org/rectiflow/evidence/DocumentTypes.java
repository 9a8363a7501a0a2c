package org.rectiflow.evidence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * What a file is, from its bytes, never its name: Apache Tika's magic numbers (tika-core) for the plain formats,
 * then the container opened for what it holds: an OLE2 file by its root entries (POI: {@code WordDocument} is Word,
 * {@code Workbook}/{@code Book} is Excel; WPS Office writes its wps and et documents in these formats), a zip by
 * its central directory only, nothing inflated ({@code OFD.xml} at its root is OFD, {@code [Content_Types].xml} with
 * {@code word/} or {@code xl/} parts is docx or xlsx, anything else an archive).
 */
public final class DocumentTypes {

    public static final String PDF = "application/pdf";
    public static final String OFD = "application/ofd";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOC = "application/msword";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The types this class recognises as documents, with their names for people. */
    public static final Map<String, String> KNOWN;

    static {
        Map<String, String> known = new LinkedHashMap<>();
        known.put(PDF, "PDF文档");
        known.put(OFD, "OFD文档");
        known.put(JPEG, "JPEG图片");
        known.put(PNG, "PNG图片");
        known.put(DOC, "Word文档（doc/wps）");
        known.put(DOCX, "Word文档（docx）");
        known.put(XLS, "Excel表格（xls/et）");
        known.put(XLSX, "Excel表格（xlsx）");
        KNOWN = Map.copyOf(known);
    }

    /** Shown images and PDFs open in the browser; the rest is downloaded. */
    static final Set<String> INLINE = Set.of(PDF, JPEG, PNG);

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-rar-compressed",
        "application/x-7z-compressed", "application/gzip", "application/x-gzip", "application/x-tar",
        "application/x-bzip2", "application/x-bzip", "application/x-xz", "application/x-lzma", "application/zstd",
        "application/x-compress", "application/vnd.rar", "application/x-lzip", "application/x-archive",
        "application/x-arj", "application/x-cpio", "application/java-archive");
    private static final Set<String> EXECUTABLES = Set.of("application/x-msdownload", "application/x-dosexec",
        "application/x-executable", "application/x-sharedlib", "application/x-elf", "application/x-mach-o",
        "application/x-mach-o-executable", "application/x-mach-o-dylib", "application/x-mach-o-bundle",
        "application/x-object", "application/x-coredump", "application/java-vm", "application/x-ms-installer",
        "application/x-msi", "application/vnd.microsoft.portable-executable", "application/x-sh",
        "application/x-bat", "application/x-shellscript");

    /** The reason of a file of no known type. */
    static final String UNKNOWN = "的类型无法识别";

    private static final Tika TIKA = new Tika();

    private DocumentTypes() {
    }

    /** What a file is: a known document type, or the reason it is none. */
    public sealed interface Detected {
    }

    /** A document of one of {@link #KNOWN}'s types. */
    public record Document(String type) implements Detected {
        public String label() {
            return KNOWN.get(type);
        }
    }

    /** Not a document: why, in words (「是可执行程序」). */
    public record NotADocument(String reason) implements Detected {
    }

    /** Detects the type of a file that is not empty. */
    public static Detected detect(Path file) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            detected = TIKA.detect(in);
        }
        String base = detected.contains(";") ? detected.substring(0, detected.indexOf(';')).trim() : detected;
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2 || base.equals("application/x-tika-msoffice")) {
            return ole2(file);
        }
        if (magic == FileMagic.OOXML || base.equals("application/x-tika-ooxml") || base.equals("application/zip")) {
            return zip(file);
        }
        if (base.equals(PDF) || base.equals(JPEG) || base.equals(PNG)) {
            return new Document(base);
        }
        if (EXECUTABLES.contains(base) || base.startsWith("application/x-mach-o")) {
            return new NotADocument("是可执行程序");
        }
        if (ARCHIVES.contains(base)) {
            return new NotADocument("是压缩包");
        }
        return new NotADocument(UNKNOWN);
    }

    private static Detected ole2(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return new NotADocument("是加密的文档");
            }
            if (root.hasEntry("WordDocument")) {
                return new Document(DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return new Document(XLS);
            }
            return new NotADocument("是不受支持的Office文档");
        } catch (RuntimeException e) {
            return new NotADocument("的内容已损坏，无法识别");
        }
    }

    private static Detected zip(Path file) throws IOException {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.equals("OFD.xml")) {
                    return new Document(OFD);
                }
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
            }
        } catch (ZipException e) {
            return new NotADocument("的内容已损坏，无法识别");
        }
        if (contentTypes && word && !excel) {
            return new Document(DOCX);
        }
        if (contentTypes && excel && !word) {
            return new Document(XLSX);
        }
        return new NotADocument("是压缩包");
    }
}

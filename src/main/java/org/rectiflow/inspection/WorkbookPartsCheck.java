package org.rectiflow.inspection;

import java.io.CharConversionException;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.rectiflow.common.DataSizes;
import org.springframework.util.unit.DataSize;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an uploaded workbook, checked before the streaming reader opens it, so that no part can make the
 * reader hold more than the limits allow ({@code rectiflow.import.*}):
 * <ul>
 * <li>every part is inflated once through POI's own zip-bomb guard ({@link ZipSecureFile}: the ratio of compressed
 * to expanded bytes) and counted; all parts together may expand to {@code max-uncompressed-size};
 * <li>every XML part is parsed with SAX, which hands over text in chunks: no DOCTYPE (so no external entity and no
 * entity expansion), valid in its encoding (UTF-8), well-formed; the parts that POI reads whole (workbook,
 * relationships, styles …) stay under {@link #WHOLE_PART_LIMIT};
 * <li>the shared strings table has at most {@code max-shared-strings} entries; the characters of each entry and of
 * each cell of each worksheet are counted chunk by chunk, never held: a cell longer than {@code max-cell-length}
 * is reported at its sheet, row and column (by header), a shared string at the cell that uses it.
 * </ul>
 * Sheet names come from the workbook part and its relationships, as the reader will find them.
 */
final class WorkbookPartsCheck {

    /**
     * The parts besides the worksheets and the shared strings (the workbook, relationships, styles, content types,
     * comments) are parsed whole by POI; an office's workbook keeps each well under a megabyte.
     */
    static final long WHOLE_PART_LIMIT = 10L * 1024 * 1024;
    /** A header longer than this names its column by letter. */
    private static final int HEADER_TEXT = 100;
    private static final int MAX_ERRORS = RoundWorkbookReader.MAX_ERRORS;

    private final RoundImportProperties limits;
    private final SAXParserFactory sax;
    private final List<String> errors = new ArrayList<>();
    private long inflated;

    private WorkbookPartsCheck(RoundImportProperties limits) {
        this.limits = limits;
        this.sax = secureSax();
    }

    /**
     * Checks the workbook in {@code file} (a zip: the caller has checked its magic bytes). Returns quietly, or
     * throws a {@link WorkbookException} with every problem found.
     */
    static void check(File file, RoundImportProperties limits) {
        WorkbookPartsCheck check = new WorkbookPartsCheck(limits);
        try (ZipSecureFile zip = new ZipSecureFile(file)) {
            check.check(zip);
        } catch (Stop stop) {
            check.errors.add(stop.getMessage());
        } catch (IOException e) {
            throw new WorkbookException(List.of(WorkbookUpload.NOT_XLSX));
        }
        if (!check.errors.isEmpty()) {
            throw new WorkbookException(check.errors);
        }
    }

    private static SAXParserFactory secureSax() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser lacks a security feature", e);
        }
        return factory;
    }

    // ------------------------------------------------------------------------------------------------ the parts

    private void check(ZipSecureFile zip) throws IOException {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > ZipSecureFile.getMaxFileCount()) {
            throw new Stop("工作簿含有" + entries.size() + "个部件，超过" + ZipSecureFile.getMaxFileCount()
                + "个，不予读取");
        }
        Map<String, ZipArchiveEntry> parts = new LinkedHashMap<>();
        for (ZipArchiveEntry entry : entries) {
            if (!entry.isDirectory() && parts.put(key(entry.getName()), entry) != null) {
                throw new Stop("工作簿含有两个同名的部件 " + entry.getName() + "，不予读取");
            }
        }
        Set<String> done = new HashSet<>();

        Map<String, String> sheetNames = new LinkedHashMap<>();
        String sharedStringsPart = null;
        String workbookPart = relationships(zip, parts, done, "_rels/.rels", "").values().stream()
            .filter(r -> r.type().endsWith("/officeDocument")).map(Relationship::target).findFirst().orElse(null);
        if (workbookPart != null) {
            String folder = folder(workbookPart);
            Map<String, Relationship> relationships = relationships(zip, parts, done,
                folder + "_rels/" + workbookPart.substring(folder.length()) + ".rels", folder);
            for (Map.Entry<String, String> sheet : sheets(zip, parts, done, workbookPart).entrySet()) {
                Relationship relationship = relationships.get(sheet.getValue());
                if (relationship != null && relationship.type().endsWith("/worksheet")) {
                    sheetNames.putIfAbsent(key(relationship.target()), sheet.getKey());
                }
            }
            sharedStringsPart = relationships.values().stream().filter(r -> r.type().endsWith("/sharedStrings"))
                .map(r -> key(r.target())).findFirst().orElse(null);
        }

        SharedStrings strings = new SharedStrings();
        if (sharedStringsPart != null && parts.containsKey(sharedStringsPart)) {
            done.add(sharedStringsPart);
            parse(zip, parts.get(sharedStringsPart), "工作簿的共享字符串（" + parts.get(sharedStringsPart).getName() + "）",
                Long.MAX_VALUE, strings.scanner());
        }
        List<OverLongCell> cells = new ArrayList<>();
        Map<String, Map<Integer, Header>> headers = new HashMap<>();
        for (Map.Entry<String, String> sheet : sheetNames.entrySet()) {
            ZipArchiveEntry entry = parts.get(sheet.getKey());
            if (entry == null || !done.add(sheet.getKey())) {
                continue;
            }
            SheetScanner scanner = new SheetScanner(sheet.getValue(), strings, cells);
            headers.put(sheet.getValue(), scanner.headers);
            parse(zip, entry, "工作表「" + sheet.getValue() + "」（" + entry.getName() + "）", Long.MAX_VALUE, scanner);
        }
        for (Map.Entry<String, ZipArchiveEntry> part : parts.entrySet()) {
            if (done.add(part.getKey())) {
                String name = part.getValue().getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".xml") || lower.endsWith(".rels")) {
                    parse(zip, part.getValue(), "工作簿的部件 " + name, WHOLE_PART_LIMIT, new DefaultHandler());
                } else {
                    count(zip, part.getValue(), "工作簿的部件 " + name);
                }
            }
        }
        report(zip, parts, sharedStringsPart, strings, cells, headers);
    }

    /** The over-long cells and shared strings, each where the user finds it. */
    private void report(ZipSecureFile zip, Map<String, ZipArchiveEntry> parts, String sharedStringsPart,
                        SharedStrings strings, List<OverLongCell> cells, Map<String, Map<Integer, Header>> headers)
        throws IOException {
        if (cells.isEmpty() && strings.overLong.isEmpty()) {
            return;
        }
        Set<Integer> wanted = new HashSet<>();
        for (OverLongCell cell : cells) {
            Header header = headers.get(cell.sheet()).get(cell.column());
            if (header != null && header.sharedString() != null) {
                wanted.add(header.sharedString());
            }
        }
        Map<Integer, String> texts = wanted.isEmpty() || sharedStringsPart == null ? Map.of()
            : strings.texts(zip, parts.get(sharedStringsPart), wanted);
        Set<Integer> used = new HashSet<>();
        for (OverLongCell cell : cells) {
            Header header = headers.get(cell.sheet()).get(cell.column());
            String column = header == null ? null
                : header.sharedString() != null ? texts.get(header.sharedString()) : header.text();
            column = column == null || column.isBlank() || column.length() > HEADER_TEXT
                ? letters(cell.column()) + "列" : column.strip();
            if (cell.sharedString() != null) {
                used.add(cell.sharedString());
            }
            error(cell.sheet() + " 第" + cell.row() + "行 " + column + ": 单元格有" + cell.length() + "字，超过上限"
                + limits.maxCellLength() + "字，请删减");
        }
        strings.overLong.forEach((index, length) -> {
            if (!used.contains(index)) {
                error("工作簿的共享字符串第" + (index + 1) + "项有" + length + "字，超过单元格上限" + limits.maxCellLength()
                    + "字，不予读取");
            }
        });
    }

    private void error(String text) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(text);
        }
    }

    /** The relationships of a part: id to type and target (resolved against {@code folder}). */
    private Map<String, Relationship> relationships(ZipSecureFile zip, Map<String, ZipArchiveEntry> parts,
                                                    Set<String> done, String name, String folder)
        throws IOException {
        Map<String, Relationship> relationships = new HashMap<>();
        ZipArchiveEntry entry = parts.get(key(name));
        if (entry == null || !done.add(key(name))) {
            return relationships;
        }
        parse(zip, entry, "工作簿的部件 " + entry.getName(), WHOLE_PART_LIMIT, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("Relationship") && attributes.getValue("Id") != null
                    && attributes.getValue("Target") != null && !"External".equals(attributes.getValue("TargetMode"))) {
                    relationships.putIfAbsent(attributes.getValue("Id"), new Relationship(
                        String.valueOf(attributes.getValue("Type")), resolve(folder, attributes.getValue("Target"))));
                }
            }
        });
        return relationships;
    }

    /** The sheets of the workbook part in order: name to relationship id. */
    private Map<String, String> sheets(ZipSecureFile zip, Map<String, ZipArchiveEntry> parts, Set<String> done,
                                       String workbookPart) throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        ZipArchiveEntry entry = parts.get(key(workbookPart));
        if (entry == null || !done.add(key(workbookPart))) {
            return sheets;
        }
        parse(zip, entry, "工作簿的部件 " + entry.getName(), WHOLE_PART_LIMIT, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < attributes.getLength(); i++) {
                        if (attributes.getLocalName(i).equals("id")) {
                            id = attributes.getValue(i);
                        }
                    }
                    if (attributes.getValue("name") != null && id != null) {
                        sheets.putIfAbsent(attributes.getValue("name"), id);
                    }
                }
            }
        });
        return sheets;
    }

    // ---------------------------------------------------------------------------------------- reading a part

    /**
     * Parses one part with the secure SAX parser, counting its inflated bytes; a problem of the part becomes its
     * error (and the reading goes on with the next part), the total over its limit stops everything.
     */
    private void parse(ZipSecureFile zip, ZipArchiveEntry entry, String where, long partLimit, DefaultHandler handler)
        throws IOException {
        try (InputStream in = new Counted(zip.getInputStream(entry), where, partLimit)) {
            SAXParser parser = sax.newSAXParser();
            parser.parse(new InputSource(in), handler);
        } catch (SAXException | IOException e) {
            Stop stop = find(e, Stop.class);
            if (stop != null) {
                throw stop;
            }
            error(where + ": " + problem(zip, entry, e));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inflates a part that is not XML only to count it. */
    private void count(ZipSecureFile zip, ZipArchiveEntry entry, String where) throws IOException {
        try (InputStream in = new Counted(zip.getInputStream(entry), where, Long.MAX_VALUE)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (Stop stop) {
            throw stop;
        } catch (IOException e) {
            error(where + ": " + problem(zip, entry, e));
        }
    }

    /** What is wrong with a part, in words. */
    private String problem(ZipSecureFile zip, ZipArchiveEntry entry, Exception e) {
        if (messageOf(e).contains("Zip bomb detected")) {
            return "解压后与压缩前的大小之比异常（疑似压缩炸弹 zip bomb），不予读取";
        }
        if (find(e, CharConversionException.class) != null || messageOf(e).contains("UTF-8")) {
            return "不是有效的UTF-8编码" + at(e) + "，请用Excel另存后再导入";
        }
        if (messageOf(e).contains("DOCTYPE")) {
            String head = doctype(zip, entry);
            if (head.contains("SYSTEM") || head.contains("PUBLIC")) {
                return "含有外部实体声明（DOCTYPE 中的 SYSTEM 或 PUBLIC 实体，XXE），不予读取";
            }
            if (head.contains("<!ENTITY")) {
                return "含有实体定义（DOCTYPE 中的 ENTITY，可用于实体膨胀攻击，如“十亿笑”），不予读取";
            }
            return "含有DOCTYPE声明，xlsx工作簿不应有，不予读取";
        }
        if (find(e, SAXParseException.class) != null) {
            return "不是格式正确的XML" + at(e) + "，请用Excel另存后再导入";
        }
        return "无法解压（文件已损坏），请用Excel另存后再导入";
    }

    /** The line and column of a parse error, in brackets, or nothing. */
    private static String at(Exception e) {
        SAXParseException parse = find(e, SAXParseException.class);
        if (parse == null || parse.getLineNumber() < 1) {
            return "";
        }
        return "（第" + parse.getLineNumber() + "行" + (parse.getColumnNumber() > 0 ? "第" + parse.getColumnNumber() + "列" : "")
            + "）";
    }

    /** The DOCTYPE declaration of a part (from its first 64K, upper case): enough to tell what it declares. */
    private String doctype(ZipSecureFile zip, ZipArchiveEntry entry) {
        String head;
        try (InputStream in = zip.getInputStream(entry)) {
            head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
        int start = head.indexOf("<!DOCTYPE");
        if (start < 0) {
            return "";
        }
        int bracket = head.indexOf('[', start);
        int close = head.indexOf('>', start);
        int end = bracket >= 0 && (close < 0 || bracket < close) ? head.indexOf("]>", bracket) : close;
        return head.substring(start, end < 0 ? head.length() : end);
    }

    private static String messageOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = next(t)) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SAXException sax && sax.getException() != null && sax.getException() != t) {
            return sax.getException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------- names and paths

    /** Part names compare as OPC compares them: without the leading slash, ignoring case. */
    private static String key(String name) {
        String plain = name.replace('\\', '/');
        while (plain.startsWith("/")) {
            plain = plain.substring(1);
        }
        return plain.toLowerCase(Locale.ROOT);
    }

    private static String folder(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    /** A relationship's target as a part name: absolute ({@code /xl/…}) or relative to the source's folder. */
    private static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /** A column's letters as Excel shows them: 0 is A, 26 is AA. */
    private static String letters(int column) {
        StringBuilder text = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            text.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return text.toString();
    }

    private record Relationship(String type, String target) {
    }

    /** A header cell: a shared string's index or its own text. */
    private record Header(Integer sharedString, String text) {
    }

    /** A cell over the limit: where it is (row from 1, column from 0), its length and its shared string if any. */
    private record OverLongCell(String sheet, int row, int column, long length, Integer sharedString) {
    }

    // ------------------------------------------------------------------------------------- shared strings

    /** The shared strings table as counted: how many entries, and those over the cell limit with their length. */
    private final class SharedStrings {
        private final Map<Integer, Long> overLong = new LinkedHashMap<>();
        private int count;

        private DefaultHandler scanner() {
            return new DefaultHandler() {
                private long length;
                private int text;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("si")) {
                        length = 0;
                        if (count == limits.maxSharedStrings()) {
                            throw new Stop("工作簿的共享字符串超过" + limits.maxSharedStrings()
                                + "条，请删除无关的内容或工作表后再导入");
                        }
                    } else if (localName.equals("t")) {
                        text++;
                    }
                }

                @Override
                public void characters(char[] ch, int start, int chars) {
                    if (text > 0) {
                        length += chars;
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if (localName.equals("t")) {
                        text--;
                    } else if (localName.equals("si")) {
                        if (length > limits.maxCellLength()) {
                            overLong.put(count, length);
                        }
                        count++;
                    }
                }
            };
        }

        /** The texts of a few entries (the headers of columns with an error), read again. */
        private Map<Integer, String> texts(ZipSecureFile zip, ZipArchiveEntry entry, Set<Integer> wanted)
            throws IOException {
            Map<Integer, String> texts = new HashMap<>();
            long counted = inflated;
            inflated = 0; // a second reading of a part already counted
            try {
                readTexts(zip, entry, wanted, texts);
            } finally {
                inflated = counted;
            }
            return texts;
        }

        private void readTexts(ZipSecureFile zip, ZipArchiveEntry entry, Set<Integer> wanted, Map<Integer, String> texts)
            throws IOException {
            parse(zip, entry, "工作簿的共享字符串（" + entry.getName() + "）", Long.MAX_VALUE, new DefaultHandler() {
                private int index = -1;
                private int text;
                private StringBuilder current;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("si")) {
                        index++;
                        current = wanted.contains(index) ? new StringBuilder() : null;
                    } else if (localName.equals("t")) {
                        text++;
                    }
                }

                @Override
                public void characters(char[] ch, int start, int chars) {
                    if (text > 0 && current != null && current.length() <= HEADER_TEXT) {
                        current.append(ch, start, Math.min(chars, HEADER_TEXT + 1 - current.length()));
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if (localName.equals("t")) {
                        text--;
                    } else if (localName.equals("si") && current != null) {
                        texts.put(index, current.toString());
                        current = null;
                    }
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------- worksheets

    /** Counts every cell's characters; keeps the header row's texts (short ones) to name the columns. */
    private final class SheetScanner extends DefaultHandler {
        private final String sheet;
        private final SharedStrings strings;
        private final List<OverLongCell> cells;
        private final Map<Integer, Header> headers = new HashMap<>();
        private int row;
        private int column;
        private String type;
        private long length;
        private long formula;
        private boolean inValue;
        private boolean inFormula;
        private int inText;
        private final StringBuilder value = new StringBuilder();

        private SheetScanner(String sheet, SharedStrings strings, List<OverLongCell> cells) {
            this.sheet = sheet;
            this.strings = strings;
            this.cells = cells;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    int number = number(attributes.getValue("r"));
                    row = number > 0 ? number : row + 1;
                    column = -1;
                }
                case "c" -> {
                    int[] reference = reference(attributes.getValue("r"));
                    column = reference == null ? column + 1 : reference[1];
                    if (reference != null && reference[0] > 0) {
                        row = reference[0];
                    }
                    type = attributes.getValue("t");
                    length = 0;
                    formula = 0;
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "f" -> inFormula = true;
                case "t" -> inText++;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int chars) {
            if (inValue || inText > 0) {
                length += chars;
                if (value.length() <= HEADER_TEXT) {
                    value.append(ch, start, Math.min(chars, HEADER_TEXT + 1 - value.length()));
                }
            } else if (inFormula) {
                formula += chars;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "t" -> inText = Math.max(0, inText - 1);
                case "c" -> endCell();
                default -> {
                }
            }
        }

        private void endCell() {
            Integer shared = null;
            if ("s".equals(type)) {
                int index = number(value.toString().strip());
                shared = index >= 0 ? index : null;
            }
            if (row == 1 && column >= 0) {
                headers.put(column, shared != null ? new Header(shared, null) : new Header(null, value.toString()));
            }
            long longest = Math.max(length, formula);
            if (shared != null && strings.overLong.containsKey(shared)) {
                cells.add(new OverLongCell(sheet, row, column, strings.overLong.get(shared), shared));
            } else if (longest > limits.maxCellLength()) {
                cells.add(new OverLongCell(sheet, row, column, longest, null));
            }
        }

        /** A non-negative decimal number, or -1. */
        private static int number(String text) {
            if (text == null || text.isEmpty() || text.length() > 9) {
                return -1;
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return -1;
                }
            }
            return Integer.parseInt(text);
        }

        /** A cell reference such as {@code B3}: {row, column from 0}, or null when it is none. */
        private static int[] reference(String text) {
            if (text == null) {
                return null;
            }
            int i = 0;
            int column = 0;
            while (i < text.length() && i < 3 && Character.isLetter(text.charAt(i))) {
                char c = Character.toUpperCase(text.charAt(i));
                if (c < 'A' || c > 'Z') {
                    return null;
                }
                column = column * 26 + (c - 'A' + 1);
                i++;
            }
            int row = number(text.substring(i));
            return i == 0 || row < 1 ? null : new int[] {row, column - 1};
        }
    }

    // ---------------------------------------------------------------------------------------------- counting

    /** Counts the inflated bytes of a part against its own limit and the workbook's. */
    private final class Counted extends FilterInputStream {
        private final String where;
        private final long partLimit;
        private long read;

        private Counted(InputStream in, String where, long partLimit) {
            super(in);
            this.where = where;
            this.partLimit = partLimit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int skipped = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
            return Math.max(skipped, 0);
        }

        private void add(int n) {
            read += n;
            inflated += n;
            if (inflated > limits.maxUncompressedSize().toBytes()) {
                throw new Stop("工作簿解压后超过" + DataSizes.text(limits.maxUncompressedSize())
                    + "，请删除无关的内容或工作表后再导入");
            }
            if (read > partLimit) {
                throw new Stop(where + ": 解压后超过" + DataSizes.text(DataSize.ofBytes(partLimit))
                    + "，不予读取");
            }
        }
    }

    /** Stops the whole check with one error: a limit of the whole workbook was reached. */
    private static final class Stop extends RuntimeException {
        private Stop(String message) {
            super(message, null, false, false);
        }
    }
}

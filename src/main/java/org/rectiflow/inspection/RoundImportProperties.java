package org.rectiflow.inspection;

import org.rectiflow.common.DataSizes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The round import's settings, from {@code rectiflow.import.*}.
 *
 * @param maxSize             the largest workbook accepted; a larger upload is refused before it is parsed (10MB by
 *                            default). {@code spring.servlet.multipart.max-file-size} must lie a little above it, so
 *                            that the refusal is this check's, with its message
 * @param maxRows             the most data rows one sheet may hold (5000 by default; published rounds have a few
 *                            hundred problems and up to a few thousand measures). The workbook is streamed, so memory
 *                            follows this limit, not the size of the file. The same number bounds a round through
 *                            either door ({@link RoundRules}): at most this many problems and this many measures, and
 *                            sequence numbers from 1 to it. A guard against abuse, not a limit of the codes, which
 *                            widen with the round
 * @param maxCellLength       the most characters one cell may hold (32767 by default: Excel's own limit, and far above
 *                            the longest text a round holds, 4000). Counted in the file's XML before the workbook is
 *                            read, so a longer cell is refused before its text is ever held in memory
 * @param maxSharedStrings    the most entries of the workbook's shared strings table (100000 by default), which the
 *                            reader holds in memory as a whole
 * @param maxUncompressedSize the most bytes all the parts of the workbook may expand to (100MB by default); counted
 *                            while they are inflated, whatever the zip's headers claim
 */
@ConfigurationProperties("rectiflow.import")
public record RoundImportProperties(DataSize maxSize, Integer maxRows, Integer maxCellLength, Integer maxSharedStrings,
                                   DataSize maxUncompressedSize) {

    /** {@code rectiflow.import.max-rows} when not set. */
    public static final int DEFAULT_MAX_ROWS = 5000;

    public RoundImportProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("rectiflow.import.max-size must be positive, not " + maxSize);
        }
        maxRows = maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
        if (maxRows < 1) {
            throw new IllegalArgumentException("rectiflow.import.max-rows must be at least 1, not " + maxRows);
        }
        maxCellLength = maxCellLength == null ? 32767 : maxCellLength;
        if (maxCellLength < 4000) {
            throw new IllegalArgumentException("rectiflow.import.max-cell-length must be at least 4000 (the longest "
                + "text a round holds), not " + maxCellLength);
        }
        maxSharedStrings = maxSharedStrings == null ? 100_000 : maxSharedStrings;
        if (maxSharedStrings < 1) {
            throw new IllegalArgumentException("rectiflow.import.max-shared-strings must be at least 1, not "
                + maxSharedStrings);
        }
        maxUncompressedSize = maxUncompressedSize == null ? DataSize.ofMegabytes(100) : maxUncompressedSize;
        if (maxUncompressedSize.toBytes() < maxSize.toBytes()) {
            throw new IllegalArgumentException("rectiflow.import.max-uncompressed-size must be at least "
                + "rectiflow.import.max-size (" + maxSize + "), not " + maxUncompressedSize);
        }
    }

    /** The limit as people write it: 10MB, 512KB. */
    public String maxSizeText() {
        return DataSizes.text(maxSize);
    }

    /** The error of a file above the limit. */
    public String tooLargeMessage() {
        return "文件超过" + maxSizeText();
    }
}

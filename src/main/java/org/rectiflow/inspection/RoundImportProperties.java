package org.rectiflow.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The round import's settings, from {@code rectiflow.import.*}.
 *
 * @param maxSize the largest workbook accepted; a larger upload is refused before it is parsed (10MB by default).
 *                {@code spring.servlet.multipart.max-file-size} must lie a little above it, so that the refusal
 *                is this check's, with its message
 * @param maxRows the most data rows one sheet may hold (5000 by default; a round has a few hundred measures).
 *                The workbook is streamed, so memory follows this limit, not the size of the file
 */
@ConfigurationProperties("rectiflow.import")
public record RoundImportProperties(DataSize maxSize, Integer maxRows) {

    public RoundImportProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("rectiflow.import.max-size must be positive, not " + maxSize);
        }
        maxRows = maxRows == null ? 5000 : maxRows;
        if (maxRows < 1) {
            throw new IllegalArgumentException("rectiflow.import.max-rows must be at least 1, not " + maxRows);
        }
    }

    /** The limit as people write it: 10MB, 512KB. */
    public String maxSizeText() {
        long bytes = maxSize.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "B";
    }

    /** The error of a file above the limit. */
    public String tooLargeMessage() {
        return "文件超过" + maxSizeText();
    }
}

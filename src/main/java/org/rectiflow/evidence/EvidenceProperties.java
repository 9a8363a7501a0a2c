package org.rectiflow.evidence;

import java.util.List;

import org.rectiflow.common.DataSizes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The evidence files' settings, from {@code rectiflow.evidence.*}, checked at start.
 *
 * @param maxFileSize    the largest file (20MB by default); {@code spring.servlet.multipart.max-file-size} must lie a
 *                       little above it, so that the refusal is this check's, with its message
 * @param maxPerMeasure  the most all files of one measure may hold together (200MB by default), at least
 *                       {@code max-file-size}
 * @param allowedTypes   the content types accepted, as {@link DocumentTypes} detects them from the bytes (by default
 *                       PDF, OFD, JPEG, PNG, Word and Excel, binary and OOXML; WPS documents are detected as the Word
 *                       or Excel binary format they are written in)
 */
@ConfigurationProperties("rectiflow.evidence")
public record EvidenceProperties(DataSize maxFileSize, DataSize maxPerMeasure, List<String> allowedTypes) {

    /** The types accepted when {@code rectiflow.evidence.allowed-types} is not set. */
    public static final List<String> DEFAULT_TYPES = List.of(DocumentTypes.PDF, DocumentTypes.OFD, DocumentTypes.JPEG,
        DocumentTypes.PNG, DocumentTypes.DOC, DocumentTypes.DOCX, DocumentTypes.XLS, DocumentTypes.XLSX);

    public EvidenceProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("rectiflow.evidence.max-file-size must be positive, not " + maxFileSize);
        }
        maxPerMeasure = maxPerMeasure == null ? DataSize.ofMegabytes(200) : maxPerMeasure;
        if (maxPerMeasure.toBytes() < maxFileSize.toBytes()) {
            throw new IllegalArgumentException("rectiflow.evidence.max-per-measure must be at least "
                + "rectiflow.evidence.max-file-size (" + maxFileSize + "), not " + maxPerMeasure);
        }
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_TYPES : List.copyOf(allowedTypes);
        for (String type : allowedTypes) {
            if (!DocumentTypes.KNOWN.containsKey(type)) {
                throw new IllegalArgumentException("rectiflow.evidence.allowed-types: " + type + " is not one of "
                    + DocumentTypes.KNOWN.keySet());
            }
        }
    }

    public String maxFileSizeText() {
        return DataSizes.text(maxFileSize);
    }

    public String maxPerMeasureText() {
        return DataSizes.text(maxPerMeasure);
    }
}

package org.rectiflow.archive;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.evidence.EvidenceFile;
import org.rectiflow.evidence.EvidenceRepository;
import org.rectiflow.evidence.EvidenceStore;
import org.rectiflow.identity.AccessPolicy;
import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's rules and its writing. Who: the overseers ({@link AccessPolicy#oversees}) read the round's archive
 * and any problem's; otherwise a problem's archive holds the measures whose evidence the user reads
 * ({@link AccessPolicy#mayReadMeasure}: the unit its own measures, the key group's lead unit the problem's), 403 when
 * none; the round's archive is the overseers' only. The zip is written entry by entry
 * to the given stream; each evidence file's content is read and written one at a time.
 */
@Service
public class ArchiveService {

    /** The cover document's name, in every problem's folder. */
    public static final String COVER = "封面与目录.docx";
    /** The manifest's name, at the root of the zip. */
    public static final String MANIFEST = "清单.csv";
    /** The round archive's folder of the units' plans' files (per unit, per submission). */
    public static final String UNIT_PLANS = "单位整改方案";

    /**
     * A problem's part of the archive: its measures as the reader may see them; {@code whole} when that is all of
     * them (an overseer's, the lead unit's), the only archive that can become final.
     */
    public record Problem(String ref, List<ArchiveRepository.MeasureRow> measures, boolean whole) {

        /** Every measure closed: the problem signed off (销号) or handed over to normal management. */
        boolean closed() {
            return "CLOSED".equals(measures.get(0).problemStatus());
        }
    }

    /** What {@link #problem} or {@link #round} found, checked, to be written by {@link #write}. */
    public record Selection(ArchiveRepository.Round round, List<Problem> problems, boolean wholeRound) {
    }

    private final ArchiveRepository ledger;
    private final EvidenceRepository evidence;
    private final EvidenceStore store;
    private final CoverDocument cover;
    private final AccessPolicy policy;
    private final ApiUser user;
    private final CurrentActor actor;
    private final EngineClock clock;

    public ArchiveService(ArchiveRepository ledger, EvidenceRepository evidence, EvidenceStore store,
                          CoverDocument cover, AccessPolicy policy, ApiUser user,
                          CurrentActor actor, EngineClock clock) {
        this.actor = actor;
        this.clock = clock;
        this.ledger = ledger;
        this.evidence = evidence;
        this.store = store;
        this.cover = cover;
        this.policy = policy;
        this.user = user;
    }

    /** A problem's archive as the current user may read it; 404 for an unknown round or problem, 403 for none. */
    @Transactional(readOnly = true)
    public Selection problem(String roundCode, String problemRef) {
        ArchiveRepository.Round round = round(roundCode);
        List<ArchiveRepository.MeasureRow> measures = ledger.measures(roundCode).stream()
            .filter(m -> m.problemRef().equals(problemRef)).toList();
        if (measures.isEmpty()) {
            throw new ArchiveException(HttpStatus.NOT_FOUND, "巡察轮次" + roundCode + "没有问题" + problemRef);
        }
        Collection<String> groups = user.groupIds();
        List<ArchiveRepository.MeasureRow> readable = measures.stream()
            .filter(m -> policy.mayReadMeasure(groups, m.unitCode(), m.leadUnitCode())).toList();
        if (readable.isEmpty()) {
            throw new ArchiveException(HttpStatus.FORBIDDEN, "无权下载问题" + problemRef + "的档案");
        }
        return new Selection(round, List.of(new Problem(problemRef, readable, readable.size() == measures.size())), false);
    }

    /** The whole round's archive: the overseers' only. */
    @Transactional(readOnly = true)
    public Selection wholeRound(String roundCode) {
        if (!policy.oversees(user.groupIds())) {
            throw new ArchiveException(HttpStatus.FORBIDDEN, "无权下载巡察轮次" + roundCode + "的档案");
        }
        ArchiveRepository.Round round = round(roundCode);
        Map<String, List<ArchiveRepository.MeasureRow>> byProblem = new LinkedHashMap<>();
        for (ArchiveRepository.MeasureRow m : ledger.measures(roundCode)) {
            byProblem.computeIfAbsent(m.problemRef(), k -> new ArrayList<>()).add(m);
        }
        List<Problem> problems = byProblem.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue(), true)).toList();
        return new Selection(round, problems, true);
    }

    /**
     * Writes the selection as a zip to {@code out}: per problem its cover and its measures' evidence files (the
     * round's archive: one folder per problem), then the manifest of every entry's path, size and SHA-256. The first
     * whole archive of a closed problem is recorded as final (ledger {@code problem_archive}, with the SHA-256 of the
     * problem's manifest rows, paths relative to its folder): from then on its evidence is frozen
     * (evidence/EvidenceService).
     */
    @Transactional
    public void write(Selection selection, OutputStream out) throws IOException {
        List<String[]> manifest = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Problem problem : selection.problems()) {
            int first = manifest.size();
            String folder = selection.wholeRound() ? problem.ref() + "/" : "";
            Map<String, List<EvidenceFile>> files = new LinkedHashMap<>();
            for (ArchiveRepository.MeasureRow m : problem.measures()) {
                files.put(m.code(), evidence.archivedOfMeasure(m.code()));
            }
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            cover.write(selection.round(), problem, files, document);
            try (InputStream in = new java.io.ByteArrayInputStream(document.toByteArray())) {
                manifest.add(entry(zip, folder + COVER, in));
            }
            for (Map.Entry<String, List<EvidenceFile>> measure : files.entrySet()) {
                Set<String> taken = new HashSet<>();
                for (EvidenceFile file : measure.getValue()) {
                    String dir = folder + measure.getKey() + "/" + CoverDocument.folder(file) + "/";
                    String path = dir + unique(taken, dir, safeName(file.name()));
                    try (InputStream in = store.open(file.id(), file.sha256())) {
                        manifest.add(entry(zip, path, in));
                    }
                }
            }
            if (problem.whole() && problem.closed()) {
                MessageDigest sha = sha256();
                for (String[] row : manifest.subList(first, manifest.size())) {
                    sha.update((row[0].substring(folder.length()) + "," + row[1] + "," + row[2] + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                }
                ledger.recordFinal(problem.measures().get(0).problemId(), selection.round().code(), problem.ref(),
                    manifest.size() - first - 1, HexFormat.of().formatHex(sha.digest()), actor.id(),
                    clock.nowTimestamp());
            }
        }
        if (selection.wholeRound()) {
            Set<String> taken = new HashSet<>();
            for (EvidenceRepository.UnitPlanFile plan : evidence.unitPlanFilesOfRound(selection.round().code())) {
                String dir = UNIT_PLANS + "/" + safeName(plan.unitCode()) + "/第" + plan.file().report() + "次提交/";
                String path = dir + unique(taken, dir, safeName(plan.file().name()));
                try (InputStream in = store.open(plan.file().id(), plan.file().sha256())) {
                    manifest.add(entry(zip, path, in));
                }
            }
        }
        StringBuilder csv = new StringBuilder("\uFEFF路径,大小（字节）,SHA-256\r\n");
        for (String[] row : manifest) {
            csv.append(csvField(row[0])).append(',').append(row[1]).append(',').append(row[2]).append("\r\n");
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        out.flush();
    }

    /** Writes one entry, counting and hashing its bytes on the way: {path, size, sha256}. */
    private static String[] entry(ZipOutputStream zip, String path, InputStream in) throws IOException {
        MessageDigest sha = sha256();
        zip.putNextEntry(new ZipEntry(path));
        long[] size = {0};
        OutputStream counting = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                sha.update((byte) b);
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                sha.update(b, off, len);
                size[0] += len;
            }

            @Override
            public void close() {
                // the zip stays open
            }
        };
        in.transferTo(counting);
        zip.closeEntry();
        return new String[] {path, String.valueOf(size[0]), HexFormat.of().formatHex(sha.digest())};
    }

    /** A file name safe in any file system: no path separators, reserved or control characters, no leading dot. */
    static String safeName(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        return safe.isEmpty() ? "文件" : safe;
    }

    /** The name, or {@code 名称(2).ext}, {@code 名称(3).ext} … when the folder already holds it. */
    static String unique(Set<String> taken, String dir, String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add((dir + candidate).toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = stem + "(" + n + ")" + ext;
        }
        return candidate;
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArchiveRepository.Round round(String roundCode) {
        return ledger.round(roundCode)
            .orElseThrow(() -> new ArchiveException(HttpStatus.NOT_FOUND, "没有巡察轮次" + roundCode));
    }

}

package org.rectiflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rectiflow.identity.Scope;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The seed round's mechanisms (demo/demo-mechanisms.yml: the seed's 194 制度机制), imported through the same service
 * as {@code POST /api/rounds/{code}/mechanisms}, as the office, right after the round is registered.
 */
@Component
public class DemoMechanisms {

    /** The file: the round's code and its mechanisms. */
    public record File(String round, List<Entry> mechanisms) {
    }

    /** A mechanism; {@code issuedDays} counts from the day the demo is loaded; the unit is its measures'. */
    public record Entry(String title, String docNumber, String issuer, int issuedDays, String revision,
                        List<String> measures) {
    }

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final Resource file;
    private final MechanismService mechanisms;

    public DemoMechanisms(@Value("${rectiflow.demo.mechanisms-file:classpath:demo/demo-mechanisms.yml}") Resource file,
                          MechanismService mechanisms) {
        this.file = file;
        this.mechanisms = mechanisms;
    }

    public static File read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return YAML.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo mechanisms " + resource.getDescription(), e);
        }
    }

    /**
     * Imports the file's mechanisms into a registered round: the file's own, or the seed round registered under
     * another code (the measure codes follow it), as tests do. Returns how many were recorded.
     */
    public int load(String roundCode, LocalDate today) {
        File read = read(file);
        String from = read.round() + "-";
        List<MechanismDraft> drafts = read.mechanisms().stream()
            .map(e -> new MechanismDraft(e.title(), e.docNumber(), e.issuer(), today.plusDays(e.issuedDays()).toString(),
                e.revision(), null, e.measures().stream()
                    .map(c -> c.startsWith(from) ? roundCode + "-" + c.substring(from.length()) : c).toList()))
            .toList();
        return mechanisms.importAll(roundCode, drafts, new MechanismService.Importer(true, Scope.allUnits()));
    }
}

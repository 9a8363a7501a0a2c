package org.rectiflow.bottleneck;

import java.util.Map;

import org.rectiflow.bottleneck.Bottlenecks.DefinitionView;
import org.rectiflow.bottleneck.Bottlenecks.InstanceView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/bottlenecks/process-definitions/{id}} and {@code …/process-instances/{id}}: the figures Cockpit's
 * bottleneck plugin draws on a diagram and lists in its 瓶颈 tab (docs/bottlenecks.md). Reached with the webapps'
 * session or HTTP Basic; a user sees only the instances they may read ({@link BottleneckService}).
 */
@RestController
public class BottleneckController {

    private final BottleneckService bottlenecks;

    public BottleneckController(BottleneckService bottlenecks) {
        this.bottlenecks = bottlenecks;
    }

    @GetMapping("/api/bottlenecks/process-definitions/{id}")
    public DefinitionView definition(@PathVariable String id) {
        return bottlenecks.definition(id);
    }

    @GetMapping("/api/bottlenecks/process-instances/{id}")
    public InstanceView instance(@PathVariable String id) {
        return bottlenecks.instance(id);
    }

    @ExceptionHandler(BottleneckException.class)
    public ResponseEntity<Map<String, Object>> refused(BottleneckException e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
    }
}

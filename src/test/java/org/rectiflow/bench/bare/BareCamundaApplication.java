package org.rectiflow.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The benchmark's bare Camunda application ({@code bench/StartupTime}): the Camunda Spring Boot starter with the
 * webapps and the REST API, nothing of the product's, started the way a vanilla Camunda Spring Boot app starts, to
 * compare the product's start-up with. Configured only by {@code bench-bare/application.yml}, passed as
 * {@code --spring.config.location=classpath:/bench-bare/application.yml} so that the product's
 * {@code application.yml} does not apply: the same database, history level full, authorization on, an
 * administrator (demo/demo), the job executor on, no diagram deployed.
 * <p>
 * What the product's classpath would otherwise switch on, and a vanilla Camunda app does not have, is left out
 * there: Flyway (the product's ledger migrations), SpringDoc (the product's OpenAPI description of {@code /api})
 * and the Prometheus metrics export (the product's {@code /actuator/prometheus}). Spring Security is not on the
 * classpath, so there is no default login to switch off. The actuator stays, with its health endpoint only: the
 * readiness check asks both applications the same {@code /actuator/health/readiness} without a login. Its JVM
 * also runs without the product's own classes and resources (its diagrams, its {@code spring.factories}, its
 * webapp overrides): {@code StartupTime} leaves them out of the classpath.
 * <p>
 * {@code @EnableAutoConfiguration} alone, not {@code @SpringBootApplication}: this package lies under
 * {@code org.rectiflow}, and the product's component scan (its application and tests run with the test classes on
 * the classpath) would pick up a {@code @Configuration} here and turn on a second auto-configuration inside the
 * product. Without {@code @Component} (meta-)annotations nobody scans this class; it has no components to scan
 * itself.
 */
@EnableAutoConfiguration
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}

# The Rectiflow application node (docker-compose.yml runs two of them behind HAProxy).
# Build the jar first, then the image:  ./mvnw -B package -DskipTests && docker compose build
# The image only runs the jar: no Maven, no JDK, no source in it.

# Stage 1: split the Spring Boot jar into its layers (dependencies, then the application), so that a
# rebuild after a code change ships the small application layer and reuses the 90 MB of dependencies.
FROM eclipse-temurin:17.0.20_8-jre-noble AS layers
WORKDIR /build
# target/ holds exactly one rectiflow-<version>.jar after "./mvnw package" (the plain jar is *.jar.original)
COPY target/rectiflow-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# Stage 2: the runtime image.
FROM eclipse-temurin:17.0.20_8-jre-noble
# Camunda reads the timers' cron expressions (the bulletin's "Monday 09:00") in the JVM's time zone, and
# the engine's timestamps are written in it: every node runs in the office's zone.
ENV TZ=Asia/Shanghai
RUN groupadd --system --gid 10001 rectiflow \
 && useradd --system --uid 10001 --gid rectiflow --home-dir /app --no-create-home --shell /usr/sbin/nologin rectiflow
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY --chmod=755 docker/healthcheck.sh /usr/local/bin/healthcheck
# /app stays root's: the node writes nothing there (data lives in PostgreSQL, logs go to stdout).
USER rectiflow:rectiflow
EXPOSE 8080
# Healthy when GET /actuator/health answers 200; a first start (engine schema, migrations) takes a while.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 CMD ["/usr/local/bin/healthcheck"]
# Heap: three quarters of the container's memory limit. An OutOfMemoryError ends the JVM, so that Docker
# restarts the node instead of leaving it half alive. Further JVM flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/application.jar"]

package org.rectiflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rectiflow (整改通): inspection rectification on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RectiflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(RectiflowApplication.class, args);
    }
}

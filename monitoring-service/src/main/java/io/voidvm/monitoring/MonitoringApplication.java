package io.voidvm.monitoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** monitoring-service: metric and status ingestion, roll-ups, live push and alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MonitoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringApplication.class, args);
    }
}

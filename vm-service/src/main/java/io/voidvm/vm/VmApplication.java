package io.voidvm.vm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** vm-service: the desired state of every VM, its lifecycle API, placement and operation log. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VmApplication {

    public static void main(String[] args) {
        SpringApplication.run(VmApplication.class, args);
    }
}

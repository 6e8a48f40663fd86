package io.voidvm.network;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** network-service: virtual networks, IP and MAC allocation, security rules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NetworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(NetworkApplication.class, args);
    }
}

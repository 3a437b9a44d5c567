package vn.bluezone.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Bluezone server: key server, registry and statistics, campaign console, in one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BluezoneServer {
    public static void main(String[] args) {
        SpringApplication.run(BluezoneServer.class, args);
    }
}

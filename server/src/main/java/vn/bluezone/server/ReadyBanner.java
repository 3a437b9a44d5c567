package vn.bluezone.server;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operator where the console is once the server accepts requests, and warns when no public address is
 * set: posters and SMS need one ({@link PublicUrl}), and officials would otherwise find out only when printing.
 */
@Component
public class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {
    private final PublicUrl publicUrl;

    public ReadyBanner(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return; // not a web run (tests with a mock environment)
        }
        // Without a public address the operator is on this machine: the local address is the one that works.
        String base = publicUrl.configured().orElse("http://localhost:" + port);
        System.out.println("Bluezone server is ready.");
        System.out.println("  console:  " + base + "/console");
        System.out.println("  API docs: " + base + "/api/docs");
        warning().ifPresent(System.out::println);
        System.out.flush();
    }

    /** The warning printed when posters cannot be printed, if any. */
    public java.util.Optional<String> warning() {
        if (publicUrl.printable().isPresent()) {
            return java.util.Optional.empty();
        }
        String what = publicUrl.configured().map(u -> PublicUrl.SETTING + " is " + u + ", a loopback address")
                .orElse(PublicUrl.SETTING + " is not set");
        return java.util.Optional.of("warning: " + what + ": posters cannot be printed until it is the address "
                + "phones reach this server at (--public-url URL or " + PublicUrl.ENVIRONMENT + ")");
    }
}

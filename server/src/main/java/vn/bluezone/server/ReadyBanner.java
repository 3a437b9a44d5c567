package vn.bluezone.server;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells the operator where the console is once the server accepts requests. */
@Component
public class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {
    private final BluezoneProperties props;

    public ReadyBanner(BluezoneProperties props) {
        this.props = props;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return; // not a web run (tests with a mock environment)
        }
        String base = props.publicUrl() != null ? props.publicUrl().toString().replaceAll("/$", "")
                : "http://localhost:" + port;
        System.out.println("Bluezone server is ready.");
        System.out.println("  console:  " + base + "/console");
        System.out.println("  API docs: " + base + "/api/docs");
        System.out.flush();
    }
}

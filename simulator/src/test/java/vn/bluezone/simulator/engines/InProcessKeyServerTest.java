package vn.bluezone.simulator.engines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.SimulatedClock;

/** The simulation's own key server prints nothing for an operator: no administrator password, no ready banner. */
class InProcessKeyServerTest {

    @Test
    void startsQuietlyAndServesPhones() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String pem;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            try (InProcessKeyServer server = new InProcessKeyServer(new SimulatedClock(EngineTracing.DAY0))) {
                pem = server.exportPublicKeyPem();
            } finally {
                System.setOut(original);
            }
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("password"), printed);
        assertFalse(printed.contains("Bluezone server is ready"), printed);
        assertFalse(printed.contains("INFO"), printed);
        assertTrue(pem.contains("BEGIN PUBLIC KEY"), pem);
    }
}

package vn.bluezone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartCommandTest {

    @Test
    void portInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));
            int port = busy.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream old = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.execute("start", "--port", String.valueOf(port), "--no-demo");
            } finally {
                System.setErr(old);
            }
            String out = err.toString(StandardCharsets.UTF_8).trim();
            assertEquals(2, code);
            assertEquals("error: port " + port + " is already in use (choose another with --port or SERVER_PORT)", out);
            assertTrue(out.lines().count() == 1);
        }
    }

    @Test
    void badPortIsRejected() {
        assertEquals(2, Main.execute("start", "--port", "70000"));
        assertEquals(2, Main.execute("start", "--port", "abc"));
    }
}

package vn.bluezone.protocol.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs openssl and protoc when they are installed (Debian: openssl, protobuf-compiler); tests skip otherwise. */
final class ExternalTools {
    record Result(int exit, String out) {
    }

    private ExternalTools() {
    }

    static void requireOrSkip(String tool, String testName) {
        boolean found = onPath(tool);
        if (!found) {
            System.out.println("SKIPPED " + testName + ": '" + tool + "' is not on PATH (apt-get install -y "
                    + ("protoc".equals(tool) ? "protobuf-compiler" : tool) + ")");
        }
        Assumptions.assumeTrue(found, tool + " is not on PATH");
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in {@code dir}, stdin from {@code stdin} when not null, stdout and stderr together. */
    static Result run(Path dir, Path stdin, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}

package vn.bluezone.protocol.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The published EN v1.2 test vectors, read from the committed test resource (source: protocol/README.md). */
record GaenTestVectors(Map<String, String> header, List<Row> rows) {
    static final String RESOURCE = "/gaen/gaen-test-vectors-v1.2.tsv";

    record Row(int index, long interval, String rpiHex, String aemHex) {
    }

    byte[] bytes(String name) {
        String hex = header.get(name);
        if (hex == null) {
            throw new IllegalStateException("test vector file lacks " + name);
        }
        return HexFormat.of().parseHex(hex);
    }

    static GaenTestVectors load() throws IOException {
        Map<String, String> header = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (InputStream in = GaenTestVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length == 2) {
                    header.put(f[0], f[1]);
                } else if (f.length == 4) {
                    rows.add(new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2], f[3]));
                } else {
                    throw new IllegalStateException("unexpected test vector line: " + line);
                }
            }
        }
        return new GaenTestVectors(header, rows);
    }
}

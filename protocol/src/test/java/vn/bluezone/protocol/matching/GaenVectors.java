package vn.bluezone.protocol.matching;

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

/** The published GAEN v1.2 test vectors, read from the committed test resource. */
record GaenVectors(Map<String, byte[]> header, List<Row> rows) {

    record Row(int index, long interval, byte[] rpi, byte[] aem) {
    }

    static GaenVectors load() throws IOException {
        HexFormat hex = HexFormat.of();
        Map<String, byte[]> header = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (InputStream in = GaenVectors.class.getResourceAsStream("/gaen/gaen-test-vectors-v1.2.tsv")) {
            if (in == null) {
                throw new IOException("test resource gaen/gaen-test-vectors-v1.2.tsv missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length == 2) {
                    header.put(f[0], hex.parseHex(f[1]));
                } else if (f.length == 4) {
                    rows.add(new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), hex.parseHex(f[2]), hex.parseHex(f[3])));
                } else {
                    throw new IOException("unexpected vector line: " + line);
                }
            }
        }
        return new GaenVectors(header, rows);
    }

    byte[] get(String name) {
        byte[] v = header.get(name);
        if (v == null) {
            throw new IllegalStateException("vector " + name + " missing");
        }
        return v;
    }
}

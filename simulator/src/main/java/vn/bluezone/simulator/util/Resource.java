package vn.bluezone.simulator.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads a documented parameter file shipped on the classpath; a missing key is a packaging bug, so it fails. */
public final class Resource {
    private final String name;
    private final Properties props = new Properties();

    public Resource(String name) {
        this.name = name;
        try (InputStream in = Resource.class.getResourceAsStream("/vn/bluezone/simulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double number(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(name + ": missing " + key);
        }
        return Double.parseDouble(v.trim());
    }

    public double[] numbers(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(name + ": missing " + key);
        }
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }
}

package vn.bluezone.server.statistics.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The outlines of Viet Nam's 63 provinces (units before the 2025 mergers, GSO codes) shipped in
 * {@code statistics/province-map.tsv}: Natural Earth 1:10m Admin-1 (public domain), simplified to about 44 KB by
 * {@code server/scripts/regenerate-province-map.sh}; sources and steps in {@code statistics/PROVENANCE.md}.
 * Read once at start-up; the paths are drawn as they are, so no geometry is computed per request.
 */
@Component
public class ProvinceBoundaries {
    static final String RESOURCE = "/statistics/province-map.tsv";

    private final String viewBox;
    private final List<ProvinceShape> shapes;
    private final List<IslandGroupLabel> islandLabels;

    public ProvinceBoundaries() {
        String box = null;
        List<ProvinceShape> provinces = new ArrayList<>();
        List<IslandGroupLabel> labels = new ArrayList<>();
        try (InputStream in = ProvinceBoundaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "# viewBox" -> box = f[1];
                    case "province" -> provinces.add(new ProvinceShape(f[1], f[2], f[3]));
                    case "islands" -> labels.add(new IslandGroupLabel(f[1], f[2], Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), f[5]));
                    default -> { } // comments
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (box == null || provinces.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no viewBox or no province");
        }
        this.viewBox = box;
        this.shapes = List.copyOf(provinces);
        this.islandLabels = List.copyOf(labels);
    }

    /** "0 0 W H" of the SVG. */
    public String viewBox() {
        return viewBox;
    }

    public List<ProvinceShape> shapes() {
        return shapes;
    }

    public List<IslandGroupLabel> islandLabels() {
        return islandLabels;
    }
}

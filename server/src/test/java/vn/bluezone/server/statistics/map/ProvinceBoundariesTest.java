package vn.bluezone.server.statistics.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped outlines: one per province of the registry (the 63 GSO codes of units.tsv, each once), small, inside
 * the viewBox, and the two island groups drawn with the provinces they belong to.
 */
class ProvinceBoundariesTest {
    private static final Pattern NUMBER_PAIR = Pattern.compile("(-?\\d+(?:\\.\\d+)?) (-?\\d+(?:\\.\\d+)?)");

    private static String resource(String path) throws IOException {
        try (InputStream in = ProvinceBoundariesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void oneOutlinePerProvinceOfTheRegistryInsideTheViewBox() throws IOException {
        Set<String> registryProvinces = new TreeSet<>();
        for (String line : resource("/registry/units.tsv").split("\n")) {
            String[] f = line.split("\t");
            if (f.length > 1 && f[1].equals("1")) {
                registryProvinces.add(f[0]);
            }
        }
        assertThat(registryProvinces).hasSize(63);
        assertThat(resource(ProvinceBoundaries.RESOURCE).length()).isLessThan(200_000);

        ProvinceBoundaries b = new ProvinceBoundaries();
        List<String> codes = b.shapes().stream().map(ProvinceShape::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(codes)).isEqualTo(registryProvinces);
        assertThat(b.shapes().stream().map(ProvinceShape::isoCode).distinct().count()).isEqualTo(63);

        String[] box = b.viewBox().split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        for (ProvinceShape s : b.shapes()) {
            assertThat(s.path()).as(s.code()).matches("(M[-0-9. ]+(L[-0-9. ]+)+Z)+");
            for (double[] p : points(s.path())) {
                assertThat(p[0]).as(s.code()).isBetween(0.0, width);
                assertThat(p[1]).as(s.code()).isBetween(0.0, height);
            }
        }
    }

    @Test
    void hoangSaIsDrawnWithDaNangAndTruongSaWithKhanhHoa() {
        ProvinceBoundaries b = new ProvinceBoundaries();
        assertThat(b.islandLabels()).extracting(IslandGroupLabel::provinceCode, IslandGroupLabel::group)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("48", "paracel"),
                        org.assertj.core.groups.Tuple.tuple("56", "spratly"));
        double mainlandEast = b.shapes().stream().filter(s -> !s.code().equals("48") && !s.code().equals("56"))
                .flatMap(s -> points(s.path()).stream()).mapToDouble(p -> p[0]).max().orElseThrow();
        for (IslandGroupLabel l : b.islandLabels()) {
            ProvinceShape province = b.shapes().stream().filter(s -> s.code().equals(l.provinceCode())).findFirst()
                    .orElseThrow();
            // Both groups lie far out at sea, east of every other province's easternmost point.
            assertThat(points(province.path()).stream().filter(p -> p[0] > mainlandEast + 50).count())
                    .as(l.group()).isGreaterThan(3);
            assertThat(l.x()).isGreaterThan(mainlandEast);
            assertThat(l.anchor()).isIn("middle", "end");
        }
    }

    private static List<double[]> points(String path) {
        List<double[]> out = new ArrayList<>();
        Matcher m = NUMBER_PAIR.matcher(path);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }
}

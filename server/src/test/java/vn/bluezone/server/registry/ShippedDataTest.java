package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped data files are complete, NFC and agree with ../shared/data where that is present. */
class ShippedDataTest {

    @Test
    void unitsFileHasTheGsoCountsAndValidParents() throws Exception {
        List<AdministrativeUnitsMigration.Row> rows = AdministrativeUnitsMigration.readRows();
        Map<Integer, Integer> perLevel = new HashMap<>();
        Map<String, AdministrativeUnitsMigration.Row> byCode = new HashMap<>();
        for (var r : rows) {
            perLevel.merge(r.level(), 1, Integer::sum);
            byCode.put(r.code(), r);
            assertTrue(Normalizer.isNormalized(r.name(), Normalizer.Form.NFC));
        }
        assertEquals(Map.of(1, 63, 2, 705, 3, 10_599), perLevel);
        assertEquals(rows.size(), byCode.size(), "codes are unique");
        for (var r : rows) {
            if (r.level() > 1) {
                assertEquals(r.level() - 1, byCode.get(r.parentCode()).level(), r.code());
            }
        }
        assertEquals("Quảng Ngạn", byCode.get("19873").name());
        assertEquals("477", byCode.get("19873").parentCode());
        assertEquals("46", byCode.get("477").parentCode());
    }

    @Test
    void shippedPopulationMatchesSharedCensusFile() throws Exception {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../../shared/data/population-2019.csv");
        if (!Files.exists(shared)) {
            System.out.println("skipped: " + shared + " is absent");
        }
        Assumptions.assumeTrue(Files.exists(shared), "../shared/data/population-2019.csv is absent");
        Map<String, Long> expected = new HashMap<>();
        try (Reader in = Files.newBufferedReader(shared, StandardCharsets.UTF_8)) {
            for (CsvReader.Record r : CsvReader.read(in).subList(1, 64)) {
                expected.put(r.fields().get(0), Long.parseLong(r.fields().get(2)));
            }
        }
        Map<String, Long> shipped = new HashMap<>();
        for (var f : ShippedDenominatorsMigration.readFigures()) {
            if (f.kind() == DenominatorKind.POPULATION && !f.unitCode().equals("VN")) {
                shipped.put(f.unitCode(), f.amount());
            }
        }
        assertEquals(expected, shipped);
        assertEquals(96_208_984L, shipped.values().stream().mapToLong(Long::longValue).sum());
    }
}

package vn.bluezone.server.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import vn.bluezone.server.db.ShippedJavaMigration;
import vn.bluezone.server.VietnameseText;

/**
 * Flyway migration 201: loads the GSO units shipped in {@code registry/units.tsv} (see server/scripts/
 * regenerate-units.sh) below the root "VN". A Java migration because 11,367 rows are data, not schema, and are
 * read from the same file the tests check. Spring Boot hands JavaMigration beans to Flyway.
 */
@Component
public class AdministrativeUnitsMigration extends ShippedJavaMigration {
    public AdministrativeUnitsMigration() {
        super("201", "load administrative units");
    }

    public static final String RESOURCE = "/registry/units.tsv";

    /** One row of units.tsv. */
    public record Row(String code, int level, String kind, String name, String fullName, String parentCode) {
    }

    public static List<Row> readRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AdministrativeUnitsMigration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IOException("bad line in " + RESOURCE + ": " + line);
                }
                String parent = f[5].isEmpty() ? AdministrativeUnit.NATION_CODE : f[5];
                rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], VietnameseText.nfc(f[3]),
                        VietnameseText.nfc(f[4]), parent));
            }
        }
        return rows;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        String sql = "INSERT INTO admin_unit (code, unit_level, kind, name, full_name, parent_code, search_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, AdministrativeUnit.NATION_CODE);
            ps.setInt(2, 0);
            ps.setString(3, "quoc-gia");
            ps.setString(4, "Việt Nam");
            ps.setString(5, "Việt Nam");
            ps.setString(6, null);
            ps.setString(7, VietnameseText.fold("Việt Nam"));
            ps.executeUpdate();
            int n = 0;
            // Sorted by level in the file, so parents are inserted before their children.
            for (Row r : readRows()) {
                ps.setString(1, r.code());
                ps.setInt(2, r.level());
                ps.setString(3, r.kind());
                ps.setString(4, r.name());
                ps.setString(5, r.fullName());
                ps.setString(6, r.parentCode());
                ps.setString(7, VietnameseText.fold(r.fullName()));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}

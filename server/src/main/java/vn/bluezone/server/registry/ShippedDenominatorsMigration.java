package vn.bluezone.server.registry;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import vn.bluezone.server.db.ShippedJavaMigration;

/**
 * Flyway migration 202: the denominators that ship with the product ({@code registry/denominators-shipped.csv}:
 * 2019 census population of every province and the country, the few published subscriber counts, national
 * smartphone users). Officials add newer figures on top; history is never overwritten.
 */
@Component
public class ShippedDenominatorsMigration extends ShippedJavaMigration {
    public ShippedDenominatorsMigration() {
        super("202", "load shipped denominators");
    }

    public static final String RESOURCE = "/registry/denominators-shipped.csv";
    public static final String SHIPPED_BY = "bluezone";

    /** One shipped figure. */
    public record Figure(String unitCode, DenominatorKind kind, long amount, LocalDate asOf, String source) {
    }

    public static List<Figure> readFigures() throws Exception {
        try (InputStream in = ShippedDenominatorsMigration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<CsvReader.Record> records = CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            return records.stream().skip(1).map(r -> new Figure(r.fields().get(0),
                    DenominatorKind.valueOf(r.fields().get(1)), Long.parseLong(r.fields().get(2)),
                    LocalDate.parse(r.fields().get(3)), r.fields().get(4))).toList();
        }
    }

    @Override
    public void migrate(Context context) throws Exception {
        String sql = "INSERT INTO denominator (unit_code, kind, amount, as_of, source, entered_by, entered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = context.getConnection().prepareStatement(sql)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Figure f : readFigures()) {
                ps.setString(1, f.unitCode());
                ps.setString(2, f.kind().name());
                ps.setLong(3, f.amount());
                ps.setDate(4, Date.valueOf(f.asOf()));
                ps.setString(5, f.source());
                ps.setString(6, SHIPPED_BY);
                ps.setTimestamp(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

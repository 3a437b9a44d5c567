package vn.bluezone.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which database the server runs on, for the few places whose SQL differs: PostgreSQL in production and CI, H2 as the
 * single-process development database.
 */
public final class DatabaseProduct {
    private DatabaseProduct() {
    }

    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Borrows one connection to ask; call once at construction, not per statement. */
    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return isPostgres(c);
        }
    }
}

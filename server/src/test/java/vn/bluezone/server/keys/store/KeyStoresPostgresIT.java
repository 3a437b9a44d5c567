package vn.bluezone.server.keys.store;

import javax.sql.DataSource;

/** The key server's stores on PostgreSQL ({@code BLUEZONE_TEST_POSTGRES_URL}). */
class KeyStoresPostgresIT extends KeyStoresTests {
    @Override
    DataSource database() {
        return KeysDb.postgres();
    }
}

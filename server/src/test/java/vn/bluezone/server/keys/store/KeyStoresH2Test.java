package vn.bluezone.server.keys.store;

import javax.sql.DataSource;

/** The key server's stores on H2 (PostgreSQL mode). */
class KeyStoresH2Test extends KeyStoresTests {
    @Override
    DataSource database() {
        return KeysDb.h2();
    }
}

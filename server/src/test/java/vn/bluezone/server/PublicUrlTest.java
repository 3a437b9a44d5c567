package vn.bluezone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The one public address: its form is checked, loopback and unset addresses are never printed, start warns. */
class PublicUrlTest {
    @Test
    void onlyAnAddressReachableFromOutsideIsPrinted() {
        assertThat(new PublicUrl(URI.create("https://bz.example.vn/")).resolve("/i/ABC234"))
                .contains("https://bz.example.vn/i/ABC234");
        assertThat(new PublicUrl(URI.create("https://bz.example.vn/bluezone")).resolve("/i/X"))
                .contains("https://bz.example.vn/bluezone/i/X");
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1", "http://[::1]:8080",
                "http://0.0.0.0:8080", "http://app.localhost"}) {
            PublicUrl u = new PublicUrl(URI.create(local));
            assertThat(u.printable()).as(local).isEmpty();
            assertThat(u.configured()).as(local).isPresent();
            assertThat(new ReadyBanner(u).warning()).as(local).get().asString().contains("loopback");
        }
        PublicUrl unset = new PublicUrl((URI) null);
        assertThat(unset.printable()).isEmpty();
        assertThat(new ReadyBanner(unset).warning()).get().asString().contains("bluezone.public-url is not set")
                .contains("--public-url");
        assertThat(new ReadyBanner(new PublicUrl(URI.create("https://bz.example.vn"))).warning()).isEmpty();
    }

    @Test
    void aMalformedAddressStopsStartUpWithTheSettingsName() {
        for (String bad : new String[] {"bz.example.vn", "ftp://bz.example.vn", "https://bz.example.vn/?a=1",
                "https://user@bz.example.vn"}) {
            assertThatThrownBy(() -> new BluezoneProperties("./data", URI.create(bad))).as(bad)
                    .hasMessageContaining("bluezone.public-url");
        }
        assertThat(new BluezoneProperties("./data", URI.create("")).publicUrl()).isNull();
    }
}

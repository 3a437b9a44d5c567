package vn.bluezone.server.web.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkPrefixTest {
    @Test
    void ipv4AddressesShareTheirSlash24() {
        assertThat(NetworkPrefix.of("203.0.113.7").value()).isEqualTo("203.0.113.0/24");
        assertThat(NetworkPrefix.of("203.0.113.250")).isEqualTo(NetworkPrefix.of("203.0.113.7"));
        assertThat(NetworkPrefix.of("203.0.114.7")).isNotEqualTo(NetworkPrefix.of("203.0.113.7"));
        assertThat(NetworkPrefix.of("::ffff:203.0.113.9").value()).isEqualTo("203.0.113.0/24");
    }

    @Test
    void ipv6AddressesShareTheirSlash56() {
        assertThat(NetworkPrefix.of("2001:db8:1:2ff:aaaa::1").value()).isEqualTo("2001:db8:1:200:0:0:0:0/56");
        assertThat(NetworkPrefix.of("[2001:db8:1:2ab::9]")).isEqualTo(NetworkPrefix.of("2001:db8:1:200::1"));
        assertThat(NetworkPrefix.of("2001:db8:1:300::1")).isNotEqualTo(NetworkPrefix.of("2001:db8:1:200::1"));
    }

    @Test
    void anythingElseIsOneUnknownPrefixAndNeverALookup() {
        assertThat(NetworkPrefix.of(null)).isEqualTo(NetworkPrefix.UNKNOWN);
        assertThat(NetworkPrefix.of("")).isEqualTo(NetworkPrefix.UNKNOWN);
        assertThat(NetworkPrefix.of("example.com")).isEqualTo(NetworkPrefix.UNKNOWN);
        assertThat(NetworkPrefix.of("1.2.3")).isNotNull();
    }
}

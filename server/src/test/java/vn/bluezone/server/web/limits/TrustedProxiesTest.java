package vn.bluezone.server.web.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Issue 15 §2: X-Forwarded-For is believed only from listed proxies, and then only up to the first untrusted hop. */
class TrustedProxiesTest {
    final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.7", "2001:db8::/32"));

    @Test
    void theForwardedAddressCountsOnlyFromATrustedProxy() {
        assertThat(proxies.clientOf("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("192.0.2.7", "198.51.100.1, 203.0.113.9, 10.9.9.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("2001:db8::1", "2402:800::5")).isEqualTo("2402:800::5");
        // Anyone else's header is ignored: a client cannot name itself.
        assertThat(proxies.clientOf("203.0.113.50", "1.2.3.4")).isEqualTo("203.0.113.50");
        assertThat(proxies.clientOf("192.0.2.8", "1.2.3.4")).isEqualTo("192.0.2.8");
        // The right-most untrusted hop is the client; garbage right of it means nothing can be believed.
        assertThat(proxies.clientOf("10.1.2.3", "evil.example, 1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(proxies.clientOf("10.1.2.3", "1.2.3.4, not-an-ip")).isEqualTo("10.1.2.3");
        assertThat(proxies.clientOf("10.1.2.3", null)).isEqualTo("10.1.2.3");
        // Nothing listed (the default): the peer, always.
        assertThat(new TrustedProxies(List.of()).clientOf("10.1.2.3", "1.2.3.4")).isEqualTo("10.1.2.3");
    }

    @Test
    void requestsSeeTheResolvedAddressAndBadSettingsStopStartUp() {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr("10.0.0.1");
        r.addHeader("X-Forwarded-For", "203.0.113.9");
        assertThat(proxies.wrap(r).getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}

package vn.bluezone.simulator.engines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.SignedConfiguration;

class DownloadCacheTest {

    /** A server that counts calls and whose index grows when told. */
    private static final class Origin {
        final List<String> calls = new ArrayList<>();
        final List<String> index = new ArrayList<>(List.of("a.zip"));

        KeyServerClient client() {
            return (KeyServerClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {KeyServerClient.class}, (p, m, args) -> {
                        calls.add(m.getName());
                        return switch (m.getName()) {
                            case "exportIndex" -> List.copyOf(index);
                            case "exportFile" -> ((String) args[1]).getBytes();
                            case "configuration" -> new SignedConfiguration("{}", "sig", "k");
                            case "verify" -> null;
                            default -> throw new UnsupportedOperationException(m.getName());
                        };
                    });
        }
    }

    @Test
    void downloadsReachTheServerOncePerExportRunAndEachPhoneGetsItsOwnBytes() throws Exception {
        Origin origin = new Origin();
        DownloadCache cache = new DownloadCache(origin.client());
        for (int phone = 0; phone < 3; phone++) {
            assertEquals(List.of("a.zip"), cache.exportIndex("VN"));
            byte[] a = cache.exportFile("VN", "a.zip");
            assertArrayEquals("a.zip".getBytes(), a);
            a[0] = 0; // one phone's copy is its own
            cache.configuration();
            cache.verify("12345678"); // a phone's own request always goes through
        }
        assertEquals(List.of("exportIndex", "exportFile", "configuration", "verify", "verify", "verify"), origin.calls);
        assertNotSame(cache.exportFile("VN", "a.zip"), cache.exportFile("VN", "a.zip"));

        origin.index.add("b.zip");
        assertEquals(List.of("a.zip"), cache.exportIndex("VN"), "until the next export run, the index is the cached one");
        cache.invalidate();
        assertEquals(List.of("a.zip", "b.zip"), cache.exportIndex("VN"));
        cache.exportFile("VN", "a.zip");
        cache.exportFile("VN", "b.zip");
        assertEquals(List.of("exportIndex", "exportFile", "configuration", "verify", "verify", "verify",
                "exportIndex", "exportFile"), origin.calls, "a.zip never changes, so only b.zip is fetched");
        assertEquals(5, cache.serverRequests());
    }
}

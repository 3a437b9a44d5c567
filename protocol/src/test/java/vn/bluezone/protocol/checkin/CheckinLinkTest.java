package vn.bluezone.protocol.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CheckinLinkTest {
    private final PlacePayload payload = PlacePayload.create("Bún bò O Xuân", "Quảng Điền", 0, 0, 45, new SecureRandom());

    @Test
    void roundTripKeepsPayloadBytesAndPlaceCode() {
        String url = new CheckinLink("https://bluezone.gov.vn/", "P7K2", payload).toUrl();
        assertTrue(url.startsWith("https://bluezone.gov.vn/i/P7K2#"), url);
        CheckinLink back = CheckinLink.parse(url);
        assertEquals("P7K2", back.placeCode());
        assertEquals("https://bluezone.gov.vn", back.baseUrl());
        assertEquals(payload, back.payload());
        assertEquals(payload.locationId(), back.payload().locationId());
    }

    @Test
    void badLinksAreRefusedWithAReason() {
        assertEquals("NO_PAYLOAD", code("https://bluezone.gov.vn/i/P7K2"));
        assertEquals("BAD_LINK", code("not a link at all"));
        assertEquals("BAD_LINK", code("https://bluezone.gov.vn/x/P7K2#AAAA"));
        assertEquals("BAD_PAYLOAD", code("https://bluezone.gov.vn/i/P7K2#!!!"));
        assertEquals("BAD_PAYLOAD", code("https://bluezone.gov.vn/i/P7K2#AAAA"));
    }

    @Test
    void payloadFieldsAreChecked() {
        assertThrows(CheckinFormatException.class, () -> PlacePayload.of(" ", "", 0, 0, 30, new byte[16]));
        assertThrows(CheckinFormatException.class, () -> PlacePayload.of("x", "", 0, 0, 0, new byte[16]));
        assertThrows(CheckinFormatException.class, () -> PlacePayload.of("x", "", 0, 0, 30, new byte[15]));
        assertThrows(CheckinFormatException.class, () -> PlacePayload.of("x", "", 100, 50, 30, new byte[16]));
    }

    private static String code(String url) {
        return assertThrows(CheckinFormatException.class, () -> CheckinLink.parse(url)).code();
    }
}

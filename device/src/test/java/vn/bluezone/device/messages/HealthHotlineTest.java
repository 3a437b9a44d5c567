package vn.bluezone.device.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HealthHotlineTest {
    @Test
    void theServersHotlineElseTheShippedOneElseNone() {
        assertEquals("0232 3822 123", HealthHotline.choose("0232 3822 123", "1900 9095"));
        assertEquals("1900 9095", HealthHotline.choose(null, "1900 9095"));
        assertEquals("1900 9095", HealthHotline.choose("call https://evil.example", "1900 9095"),
                "a malformed server value is no hotline");
        assertNull(HealthHotline.choose(null, null));
        assertNull(HealthHotline.choose("", "not a number"));
    }
}

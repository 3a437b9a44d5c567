package vn.bluezone.protocol.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BluezoneDailyKeyTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final LocalDate DAY = LocalDate.of(2020, 8, 10);

    /** DK = bytes 00..1f. */
    private static byte[] countingKey() {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) i;
        }
        return k;
    }

    /**
     * Values computed outside Java with Python's hashlib (an independent implementation), e.g.
     * {@code sk = sha256(bytes(range(32)) + b"bluzonesubkey").digest()}.
     */
    @Test
    void knownValuesFromAnIndependentImplementation() {
        BluezoneDailyKey dk = BluezoneDailyKey.of(DAY, countingKey());
        List<BluezoneId> ids = dk.ids();
        assertEquals("130cea6472130c185d8643df", ids.get(0).hex());
        assertEquals("893dae342437130ce5e23837", ids.get(1).hex());
        assertEquals("0ae9ab99c50104e835045abf", ids.get(95).hex());
        BluezoneDailyKey next = dk.next();
        assertEquals("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", next.hex());
        assertEquals(DAY.plusDays(1), next.day());
        assertEquals("970e23c0e19de93f8cc4057b", next.ids().get(0).hex());
        assertEquals("5029f20afd132425c38e8dc9", next.ids().get(37).hex());
        BluezoneDailyKey third = dk.forwardTo(DAY.plusDays(3));
        assertEquals("4e05063392f42b5180353ef82da86c714042155044d91ab3253f1bab08120a0a", third.hex());
        assertEquals("04637a84849318f1b58d26d1", third.ids().get(50).hex());
    }

    /** The same scheme spelt out step by step with a fresh MessageDigest per hash, for random keys. */
    @Test
    void agreesWithAStepByStepComputation() throws Exception {
        Random r = new Random(2020);
        for (int n = 0; n < 20; n++) {
            byte[] base = new byte[32];
            r.nextBytes(base);
            int dayOffset = r.nextInt(5);
            int slot = r.nextInt(96);

            byte[] dk = base;
            for (int d = 0; d < dayOffset; d++) {
                dk = MessageDigest.getInstance("SHA-256").digest(dk);
            }
            byte[] input = new byte[32 + 13];
            System.arraycopy(dk, 0, input, 0, 32);
            System.arraycopy("bluzonesubkey".getBytes(StandardCharsets.US_ASCII), 0, input, 32, 13);
            byte[] sk = MessageDigest.getInstance("SHA-256").digest(input);
            for (int i = 0; i < slot; i++) {
                sk = MessageDigest.getInstance("SHA-256").digest(sk);
            }
            byte[] id = {sk[0], sk[4], sk[8], sk[12], sk[16], sk[18], sk[20], sk[22], sk[24], sk[26], sk[28], sk[30]};

            BluezoneDailyKey key = BluezoneDailyKey.of(DAY, base).forwardTo(DAY.plusDays(dayOffset));
            assertArrayEquals(dk, key.bytes());
            assertArrayEquals(sk, key.subKeys(slot + 1).get(slot));
            assertArrayEquals(id, key.ids().get(slot).bytes());
        }
    }

    @Test
    void dailyKeyChainProperty() {
        BluezoneDailyKey base = BluezoneDailyKey.generateBase(new SecureRandom(), DAY);
        BluezoneDailyKey k = base;
        for (int d = 1; d <= 10; d++) {
            BluezoneDailyKey next = k.next();
            assertEquals(k.day().plusDays(1), next.day());
            assertArrayEquals(Sha256.hash(k.bytes()), next.bytes());
            assertEquals(next, base.forwardTo(DAY.plusDays(d)));
            // Anyone holding day d's key gets day d+1's: the chain is public once one link is.
            assertEquals(next, BluezoneDailyKey.of(k.day(), k.bytes()).forwardTo(next.day()));
            k = next;
        }
        assertEquals(base, base.forwardTo(DAY));
    }

    @Test
    void ninetySixDistinctIdsPerDayAndAcrossDays() {
        SecureRandom random = new SecureRandom();
        for (int n = 0; n < 10; n++) {
            BluezoneDailyKey k = BluezoneDailyKey.generateBase(random, DAY);
            assertEquals(96, new HashSet<>(k.ids()).size());
            HashSet<BluezoneId> twoDays = new HashSet<>(k.ids());
            twoDays.addAll(k.next().ids());
            assertEquals(192, twoDays.size());
            // A prefix of the slots equals the slots asked for alone.
            assertEquals(k.ids().subList(0, 7), k.ids(7));
        }
    }

    @Test
    void slots() {
        assertEquals(0, BluezoneDailyKey.slotOf(Instant.parse("2020-08-10T00:00:00Z")));
        assertEquals(0, BluezoneDailyKey.slotOf(Instant.parse("2020-08-10T00:14:59Z")));
        assertEquals(1, BluezoneDailyKey.slotOf(Instant.parse("2020-08-10T00:15:00Z")));
        assertEquals(95, BluezoneDailyKey.slotOf(Instant.parse("2020-08-10T23:59:59Z")));
        BluezoneDailyKey k = BluezoneDailyKey.of(DAY, countingKey());
        assertEquals(Instant.parse("2020-08-10T12:30:00Z"), k.slotStart(50));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BluezoneDailyKey.of(DAY, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> BluezoneDailyKey.ofHex(DAY, "zz".repeat(32)));
        BluezoneDailyKey k = BluezoneDailyKey.of(DAY, countingKey());
        assertThrows(IllegalArgumentException.class, () -> k.ids(0));
        assertThrows(IllegalArgumentException.class, () -> k.ids(97));
        assertThrows(IllegalArgumentException.class, () -> k.forwardTo(DAY.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> k.slotStart(96));
        assertEquals("130cea6472130c185d8643df", HEX.formatHex(k.ids(1).get(0).bytes()));
    }
}

package vn.bluezone.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.matching.ExposureMatcher;
import vn.bluezone.protocol.matching.KeyMatch;
import vn.bluezone.protocol.matching.MatchedSighting;
import vn.bluezone.protocol.matching.Sighting;

/**
 * The straightforward matcher the optimized one is measured against: what one writes from the specification without
 * thinking about speed. Per key a new {@link Mac} for each HKDF step and a new {@link Cipher}; 144 separate AES
 * calls, each allocating its input and output; lookups in a {@code HashSet<ByteBuffer>} (one wrapper allocated per
 * lookup). It gives the same answer as {@link ExposureMatcher#match}, which the tests check, so that the speed
 * comparison is between two correct programs.
 */
public final class BaselineMatcher {

    private final Set<ByteBuffer> observed = new HashSet<>();
    private final Map<ByteBuffer, List<Sighting>> byRpi = new HashMap<>();

    public BaselineMatcher(Collection<Sighting> sightings) {
        for (Sighting s : sightings) {
            ByteBuffer rpi = ByteBuffer.wrap(s.rpi());
            observed.add(rpi);
            byRpi.computeIfAbsent(rpi, k -> new ArrayList<>()).add(s);
        }
    }

    public List<KeyMatch> match(List<TemporaryExposureKey> keys) {
        try {
            Set<TemporaryExposureKey> seen = new LinkedHashSet<>();
            List<KeyMatch> out = new ArrayList<>();
            for (TemporaryExposureKey key : keys) {
                List<MatchedSighting> found = matchKey(key);
                if (!found.isEmpty() && seen.add(key)) {
                    found.sort(Comparator.comparing((MatchedSighting m) -> m.sighting().seenAt())
                            .thenComparingLong(MatchedSighting::rpiIntervalNumber));
                    out.add(new KeyMatch(key, found));
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MatchedSighting> matchKey(TemporaryExposureKey key) throws GeneralSecurityException {
        byte[] tek = key.keyData();
        byte[] rpik = hkdf(tek, "EN-RPIK");
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(rpik, "AES"));
        List<MatchedSighting> found = new ArrayList<>();
        long start = Integer.toUnsignedLong(key.rollingStartIntervalNumber());
        for (int j = 0; j < key.rollingPeriod(); j++) {
            long interval = start + j;
            byte[] rpi = aes.doFinal(paddedData(interval));
            ByteBuffer wrapped = ByteBuffer.wrap(rpi);
            if (!observed.contains(wrapped)) {
                continue;
            }
            for (Sighting s : byRpi.get(wrapped)) {
                if (Math.abs(s.intervalNumber() - interval) <= ExposureMatcher.TOLERANCE_INTERVALS) {
                    found.add(new MatchedSighting(s, interval, decryptAem(tek, rpi, s.aem())));
                }
            }
        }
        return found;
    }

    /** RPI for one interval, computed from scratch (used to plant matches in the benchmark's workload). */
    public static byte[] rpi(byte[] tek, long interval) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hkdf(tek, "EN-RPIK"), "AES"));
            return aes.doFinal(paddedData(interval));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-128-CTR with the AEMK and IV = RPI; encryption and decryption are the same operation. */
    public static byte[] decryptAem(byte[] tek, byte[] rpi, byte[] aem) {
        try {
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hkdf(tek, "EN-AEMK"), "AES"), new IvParameterSpec(rpi));
            return ctr.doFinal(aem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HKDF-SHA256 (RFC 5869) with no salt, 16 bytes of output. */
    static byte[] hkdf(byte[] ikm, String info) throws GeneralSecurityException {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] prk = extract.doFinal(ikm);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        expand.update(info.getBytes(StandardCharsets.US_ASCII));
        expand.update((byte) 1);
        return Arrays.copyOf(expand.doFinal(), 16);
    }

    static byte[] paddedData(long interval) {
        byte[] p = new byte[16];
        System.arraycopy("EN-RPI".getBytes(StandardCharsets.US_ASCII), 0, p, 0, 6);
        ByteBuffer.wrap(p, 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) interval);
        return p;
    }
}

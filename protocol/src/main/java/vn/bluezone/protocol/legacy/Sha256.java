package vn.bluezone.protocol.legacy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the only primitive of the 2020 Bluezone identifier scheme. */
final class Sha256 {
    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // SHA-256 is mandatory in every Java SE runtime.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static byte[] hash(byte[] data) {
        return newDigest().digest(data);
    }
}

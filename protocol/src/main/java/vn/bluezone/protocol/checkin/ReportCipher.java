package vn.bluezone.protocol.checkin;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.protocol.checkin.proto.CheckinProto;

/**
 * Encrypts and decrypts check-in records as the Corona-Warn-App's protected reports: AES-256-CBC with PKCS#7
 * padding and a random 16-byte IV under the location id's encryption key, then HMAC-SHA256 under its MAC key
 * over IV ‖ ciphertext (encrypt-then-MAC: the MAC is checked before anything is decrypted).
 */
public final class ReportCipher {
    private ReportCipher() {
    }

    public static ProtectedReport encrypt(LocationId location, CheckinRecord record, SecureRandom random) {
        byte[] iv = new byte[ProtectedReport.IV_LENGTH];
        random.nextBytes(iv);
        return encrypt(location, record, iv);
    }

    /** With a given IV: for test vectors only (a fixed IV would link reports of one place). */
    static ProtectedReport encrypt(LocationId location, CheckinRecord record, byte[] iv) {
        byte[] plain = CheckinProto.CheckinRecord.newBuilder().setStartIntervalNumber((int) record.startInterval())
                .setPeriod(record.periodIntervals()).setTransmissionRiskLevel(record.riskLevel())
                .setMessage(record.message()).build().toByteArray();
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(location.encryptionKey(), "AES"), new IvParameterSpec(iv));
            byte[] encrypted = aes.doFinal(plain);
            return new ProtectedReport(location.hash(), iv.clone(), encrypted, mac(location.macKey(), iv, encrypted));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every Java 17 runtime", e);
        }
    }

    /**
     * The record, after checking the MAC. A report whose MAC does not verify (tampered, or another place whose
     * hash collides) is refused with {@code MAC_MISMATCH}; a MAC-valid but unreadable one with {@code BAD_RECORD}.
     */
    public static CheckinRecord decrypt(LocationId location, ProtectedReport report) {
        byte[] expected = mac(location.macKey(), report.iv(), report.encryptedRecord());
        if (!MessageDigest.isEqual(expected, report.mac())) {
            throw new CheckinFormatException("MAC_MISMATCH", "the report's MAC does not verify for this place");
        }
        byte[] plain;
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(location.encryptionKey(), "AES"),
                    new IvParameterSpec(report.iv()));
            plain = aes.doFinal(report.encryptedRecord());
        } catch (GeneralSecurityException e) {
            throw new CheckinFormatException("BAD_RECORD", "the report does not decrypt");
        }
        try {
            CheckinProto.CheckinRecord r = CheckinProto.CheckinRecord.parseFrom(plain);
            return new CheckinRecord(Integer.toUnsignedLong(r.getStartIntervalNumber()), r.getPeriod(),
                    r.getTransmissionRiskLevel(), r.getMessage());
        } catch (InvalidProtocolBufferException e) {
            throw new CheckinFormatException("BAD_RECORD", "the decrypted report is not readable");
        }
    }

    static byte[] mac(byte[] key, byte[] iv, byte[] encrypted) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(iv);
            return mac.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package vn.bluezone.device;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;

/**
 * A man in the middle (or a broken CDN): passes everything through but changes one byte of every export.bin it
 * relays, inside a well-formed ZIP, so that only the signature can tell.
 */
final class TamperingClient implements KeyServerClient {
    private final KeyServerClient real;

    TamperingClient(KeyServerClient real) {
        this.real = real;
    }

    @Override
    public byte[] exportFile(String region, String fileName) throws KeyServerException {
        return tamper(real.exportFile(region, fileName));
    }

    static byte[] tamper(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] data = in.readAllBytes();
                    if (e.getName().equals("export.bin")) {
                        data[data.length - 3] ^= 0x01;
                    }
                    z.putNextEntry(new ZipEntry(e.getName()));
                    z.write(data);
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public VerifiedCode verify(String code) throws KeyServerException {
        return real.verify(code);
    }

    @Override
    public String certificate(String token, String keyHmacBase64) throws KeyServerException {
        return real.certificate(token, keyHmacBase64);
    }

    @Override
    public SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException {
        return real.submit(upload);
    }

    @Override
    public List<String> exportIndex(String region) throws KeyServerException {
        return real.exportIndex(region);
    }

    @Override
    public ExportPublicKey exportPublicKey() throws KeyServerException {
        return real.exportPublicKey();
    }

    @Override
    public SignedConfiguration configuration() throws KeyServerException {
        return real.configuration();
    }
}

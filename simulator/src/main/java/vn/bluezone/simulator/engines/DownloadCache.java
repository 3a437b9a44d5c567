package vn.bluezone.simulator.engines;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;

/**
 * What a content delivery network in front of the key server does for the downloads, shared by every simulated
 * phone: the export index, the export files and the signed configuration are fetched from the server once and
 * handed to each phone from memory until the next export run ({@link #invalidate}). Export files never change once
 * written; the index and the configuration can only change with an export run (the simulation knows when) or on a
 * remote server's own schedule (the caller invalidates when it polls). Each phone still gets its own copy of the
 * bytes and verifies and reads them itself. Verification, certificates and uploads are the phone's own and go
 * straight to the server.
 */
public final class DownloadCache implements KeyServerClient {
    private final KeyServerClient server;
    private final Map<String, List<String>> index = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private SignedConfiguration configuration;
    private long serverRequests;

    public DownloadCache(KeyServerClient server) {
        this.server = server;
    }

    /** Forgets the index and the configuration (an export run may have changed them); files stay. */
    public synchronized void invalidate() {
        index.clear();
        configuration = null;
    }

    /** Requests that reached the server for downloads (the rest were served from the cache). */
    public synchronized long serverRequests() {
        return serverRequests;
    }

    @Override
    public VerifiedCode verify(String code) throws KeyServerException {
        return server.verify(code);
    }

    @Override
    public String certificate(String token, String keyHmacBase64) throws KeyServerException {
        return server.certificate(token, keyHmacBase64);
    }

    @Override
    public SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException {
        return server.submit(upload);
    }

    @Override
    public synchronized List<String> exportIndex(String region) throws KeyServerException {
        List<String> names = index.get(region);
        if (names == null) {
            serverRequests++;
            List<String> fresh = List.copyOf(server.exportIndex(region));
            index.put(region, fresh);
            // Files that left the index (retention) are not asked for again.
            java.util.Set<String> listed = new java.util.HashSet<>(fresh);
            files.keySet().removeIf(k -> k.startsWith(region + "/") && !listed.contains(k.substring(region.length() + 1)));
            names = fresh;
        }
        return names;
    }

    @Override
    public synchronized byte[] exportFile(String region, String fileName) throws KeyServerException {
        String key = region + "/" + fileName;
        byte[] zip = files.get(key);
        if (zip == null) {
            serverRequests++;
            zip = server.exportFile(region, fileName);
            files.put(key, zip);
        }
        return zip.clone();
    }

    @Override
    public ExportPublicKey exportPublicKey() throws KeyServerException {
        return server.exportPublicKey();
    }

    @Override
    public synchronized SignedConfiguration configuration() throws KeyServerException {
        if (configuration == null) {
            serverRequests++;
            configuration = server.configuration();
        }
        return configuration;
    }
}

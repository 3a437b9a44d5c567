package vn.bluezone.device.checkin;

import java.util.List;
import vn.bluezone.device.server.KeyServerException;

/** Port: the check-in packages of the key server ({@code /api/v1/checkins/...}); downloads carry nothing about the phone. */
public interface CheckinServerClient {
    /** {@code GET /api/v1/checkins/{region}/index.txt}: package names ({@code REGION/hour-....bin}), oldest first. */
    List<String> packageIndex(String region) throws KeyServerException;

    /** {@code GET /api/v1/checkins/{name}}: one signed package as listed in the index. */
    byte[] packageFile(String name) throws KeyServerException;

    /**
     * {@code GET /api/v1/checkins/{region}/day-{day}.manifest}: the region's signed manifest of the UTC day starting
     * at {@code day} (epoch seconds). A client or server without manifests throws; the engine then verifies each
     * package's own signature, as before manifests.
     */
    default byte[] manifest(String region, long day) throws KeyServerException {
        throw new KeyServerException(0, "NO_MANIFEST", "this client fetches no check-in manifests");
    }
}

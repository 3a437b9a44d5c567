package vn.bluezone.device.checkin;

import java.util.List;
import vn.bluezone.device.server.KeyServerException;

/** Port: the check-in packages of the key server ({@code /api/v1/checkins/...}); downloads carry nothing about the phone. */
public interface CheckinServerClient {
    /** {@code GET /api/v1/checkins/{region}/index.txt}: package names ({@code REGION/hour-....bin}), oldest first. */
    List<String> packageIndex(String region) throws KeyServerException;

    /** {@code GET /api/v1/checkins/{name}}: one signed package as listed in the index. */
    byte[] packageFile(String name) throws KeyServerException;
}

package vn.bluezone.protocol.matching;

import java.util.List;
import java.util.Objects;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * A diagnosis key that produced at least one RPI this phone heard within tolerance, with every such sighting
 * (ordered by reception time, then by RPI interval). The device engine groups these into exposure windows.
 */
public record KeyMatch(TemporaryExposureKey key, List<MatchedSighting> sightings) {

    public KeyMatch {
        Objects.requireNonNull(key, "key");
        sightings = List.copyOf(sightings);
        if (sightings.isEmpty()) {
            throw new IllegalArgumentException("a key match needs at least one sighting");
        }
    }
}

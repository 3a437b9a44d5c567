package vn.bluezone.server.campaign.radio;

import java.time.Instant;

/** One entry of the broadcast log: what was read, where, when, recorded by whom. */
public record RadioAiring(long id, String communeCode, Long slotId, Long templateId, String subjectUnitCode,
        String location, Instant airedAt, String script, String recordedBy) {
}

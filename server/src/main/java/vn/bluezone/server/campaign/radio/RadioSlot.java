package vn.bluezone.server.campaign.radio;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A recurring broadcast: {@code templateId} read with the figures of {@code subjectUnitCode} at {@code airTime} on
 * {@code weekdays} (ISO day numbers, "135" = Monday, Wednesday, Friday) over the loudspeakers at {@code location}.
 */
public record RadioSlot(long id, String communeCode, String subjectUnitCode, long templateId, String weekdays,
        LocalTime airTime, String location, boolean active) {

    /** ISO day numbers, in order (1 = Monday, shown "Thứ 2"; 7 = Sunday, "Chủ nhật"). */
    public java.util.List<Integer> days() {
        return weekdays.chars().map(c -> c - '0').boxed().toList();
    }

    public boolean airsOn(DayOfWeek day) {
        return weekdays.indexOf((char) ('0' + day.getValue())) >= 0;
    }
}

package vn.bluezone.android.ui;

import java.time.Instant;

import android.content.Context;

import vn.bluezone.android.R;
import vn.bluezone.device.checkin.CheckinException;
import vn.bluezone.device.checkin.StoredCheckin;

/** A check-in and the engine's refusals in the user's words (dd/mm/yyyy, 24-hour, Vietnam time). */
final class CheckinTexts {
    private CheckinTexts() {
    }

    static String error(Context c, CheckinException e) {
        int id = switch (e.code()) {
            case "BAD_LINK" -> R.string.checkin_error_BAD_LINK;
            case "NO_PAYLOAD" -> R.string.checkin_error_NO_PAYLOAD;
            case "BAD_PAYLOAD" -> R.string.checkin_error_BAD_PAYLOAD;
            case "UNSUPPORTED_VERSION" -> R.string.checkin_error_UNSUPPORTED_VERSION;
            case "EVENT_OVER" -> R.string.checkin_error_EVENT_OVER;
            case "INVALID_TIMES" -> R.string.checkins_error_INVALID_TIMES;
            default -> 0;
        };
        return id == 0 ? c.getString(R.string.checkin_error_other, e.code()) : c.getString(id);
    }

    /** "Ngày 14/08/2026, từ 06:00 đến 07:00" or "… (đang ở đây)". */
    static String when(Context c, StoredCheckin s, Instant now) {
        String day = Formats.day(s.checkIn().atZone(Formats.VIETNAM).toLocalDate());
        Instant end = s.end(now);
        return end == null ? c.getString(R.string.checkins_day_open, day, Formats.clock(s.checkIn()))
                : c.getString(R.string.checkins_day_times, day, Formats.clock(s.checkIn()), Formats.clock(end));
    }
}

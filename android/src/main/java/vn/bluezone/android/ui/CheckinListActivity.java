package vn.bluezone.android.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import android.os.Bundle;
import android.view.View;
import android.view.ViewGroup;
import android.widget.EditText;
import android.widget.TextView;

import vn.bluezone.android.R;
import vn.bluezone.device.checkin.CheckinException;
import vn.bluezone.device.checkin.StoredCheckin;

/**
 * The user's check-ins, newest first: the place's name (known only to the phone), the day and times in Vietnam
 * time; "check out" on the one still open; "edit times" (arrival and departure as HH:mm on the check-in's day,
 * checked by the engine). The engine deletes check-ins after 14 days.
 */
public final class CheckinListActivity extends BaseActivity {
    /** The check-in whose times are being edited, else null. */
    private StoredCheckin editing;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_checkin_list);
        setTitle(R.string.checkins_title);
        findViewById(R.id.checkins_edit_save).setOnClickListener(v -> saveTimes());
    }

    @Override
    protected void onResume() {
        super.onResume();
        refresh();
    }

    void refresh() {
        bz().background(() -> bz().checkins().book().list(), (List<StoredCheckin> all, Exception failure) -> {
            if (failure != null) {
                show(R.id.checkins_status, ReportErrors.message(this, failure));
                return;
            }
            List<StoredCheckin> newestFirst = new ArrayList<>(all);
            Collections.reverse(newestFirst);
            Instant now = bz().clock().instant();
            ViewGroup list = findViewById(R.id.checkins_list);
            list.removeAllViews();
            for (StoredCheckin c : newestFirst) {
                View item = getLayoutInflater().inflate(R.layout.item_checkin, list, false);
                ((TextView) item.findViewById(R.id.checkin_place)).setText(c.place().description());
                ((TextView) item.findViewById(R.id.checkin_when)).setText(CheckinTexts.when(this, c, now));
                View out = item.findViewById(R.id.checkin_out);
                out.setVisibility(c.isOpen(now) ? View.VISIBLE : View.GONE);
                out.setOnClickListener(v -> run(() -> bz().checkins().book().checkOut(c.id()), null));
                item.findViewById(R.id.checkin_edit).setOnClickListener(v -> startEditing(c));
                list.addView(item);
            }
            findViewById(R.id.checkins_none).setVisibility(all.isEmpty() ? View.VISIBLE : View.GONE);
        });
    }

    private void startEditing(StoredCheckin c) {
        editing = c;
        Instant now = bz().clock().instant();
        text(R.id.checkins_edit_title).setText(getString(R.string.checkins_edit_title, c.place().description(),
                Formats.day(day(c))));
        ((EditText) findViewById(R.id.checkins_edit_arrived)).setText(Formats.clock(c.checkIn()));
        Instant end = c.end(now);
        ((EditText) findViewById(R.id.checkins_edit_left)).setText(Formats.clock(end == null ? now : end));
        findViewById(R.id.checkins_edit).setVisibility(View.VISIBLE);
        show(R.id.checkins_status, null);
    }

    private static LocalDate day(StoredCheckin c) {
        return c.checkIn().atZone(Formats.VIETNAM).toLocalDate();
    }

    private void saveTimes() {
        StoredCheckin c = editing;
        if (c == null) {
            return;
        }
        Instant arrived;
        Instant left;
        try {
            arrived = at(day(c), R.id.checkins_edit_arrived);
            left = at(day(c), R.id.checkins_edit_left);
        } catch (DateTimeParseException e) {
            show(R.id.checkins_status, getString(R.string.checkins_edit_bad_time));
            return;
        }
        run(() -> bz().checkins().book().editTimes(c.id(), arrived, left), getString(R.string.checkins_saved));
    }

    private Instant at(LocalDate day, int field) {
        String t = ((EditText) findViewById(field)).getText().toString().strip();
        return day.atTime(LocalTime.parse(t.length() == 4 ? "0" + t : t)).atZone(Formats.VIETNAM).toInstant();
    }

    /** Runs a change of the book, then shows {@code done} (or the refusal) and the list again. */
    private void run(vn.bluezone.android.Bluezone.Work<StoredCheckin> change, String done) {
        bz().background(change, (StoredCheckin c, Exception failure) -> {
            if (failure instanceof CheckinException e) {
                show(R.id.checkins_status, CheckinTexts.error(this, e));
                return;
            }
            if (failure != null) {
                show(R.id.checkins_status, ReportErrors.message(this, failure));
                return;
            }
            editing = null;
            findViewById(R.id.checkins_edit).setVisibility(View.GONE);
            show(R.id.checkins_status, done);
            refresh();
        });
    }
}

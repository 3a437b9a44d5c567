package vn.bluezone.android.ui;

import android.app.Activity;

/** Screenshots for tests outside this package (same size and folder as {@link ScreensTest}'s). */
public final class Screenshots {
    private Screenshots() {
    }

    public static void take(Activity a, String name) {
        ScreensTest.screenshot(a, name);
    }
}

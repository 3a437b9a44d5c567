package vn.bluezone.android.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.app;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.time.Duration;
import java.util.List;

import android.app.AlertDialog;
import android.app.NotificationManager;
import android.app.job.JobScheduler;
import android.content.DialogInterface;
import android.content.Intent;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowAlertDialog;

import vn.bluezone.android.AppActions;
import vn.bluezone.android.AppTestSupport;
import vn.bluezone.android.BluezoneTestRunner;
import vn.bluezone.android.InstallLink;
import vn.bluezone.android.R;
import vn.bluezone.android.service.Jobs;
import vn.bluezone.android.store.AndroidDeviceStorage;
import vn.bluezone.device.store.DeviceStorage;

/** "Delete all data", after a confirmation, leaves nothing behind: database, registration, codes, jobs, notices. */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN")
public class DeleteAllDataTest {
    @Test
    public void afterConfirmingNothingIsLeft() throws Exception {
        AppTestSupport.useTestServer();
        AppTestSupport.bluetoothOn(true);
        AppTestSupport.grantBluetooth();
        var bz = bluezone();
        bz.settings().setInstallLink(new InstallLink(InstallLink.Kind.PLACE, "CHO-DONG-BA"));
        bz.settings().setArea("19873", null);
        bz.settings().setOnboarded(true);
        new AppActions(bz).register();
        bz.engine().updateAdvertisement();
        bz.storage().recordScan(bz.clock().instant(), Duration.ofSeconds(4),
                List.of(new DeviceStorage.SightingDraft(new byte[16], new byte[4], -60, -58, 3)));
        Jobs.scheduleAll(app());
        assertTrue(app().getDatabasePath(AndroidDeviceStorage.FILE_NAME).exists());
        assertEquals(3, app().getSystemService(JobScheduler.class).getAllPendingJobs().size());

        SettingsActivity settings = Robolectric.buildActivity(SettingsActivity.class).setup().get();
        settings.findViewById(R.id.settings_delete).performClick();
        AlertDialog confirm = (AlertDialog) ShadowAlertDialog.getLatestDialog();
        assertEquals(settings.getString(R.string.settings_delete_confirm),
                shadowOf(confirm).getMessage().toString());
        confirm.getButton(DialogInterface.BUTTON_NEGATIVE).performClick();
        assertTrue("cancel keeps everything", bz.settings().registration() != null);

        settings.findViewById(R.id.settings_delete).performClick();
        ((AlertDialog) ShadowAlertDialog.getLatestDialog()).getButton(DialogInterface.BUTTON_POSITIVE).performClick();
        AppTestSupport.idleMain();

        assertFalse("database file deleted", app().getDatabasePath(AndroidDeviceStorage.FILE_NAME).exists());
        assertNull(bz.settings().registration());
        assertNull(bz.settings().installLink());
        assertNull(bz.settings().communeCode());
        assertNull(bz.settings().trustedExportKey());
        assertFalse(bz.settings().onboarded());
        assertEquals(0, app().getSystemService(JobScheduler.class).getAllPendingJobs().size());
        assertEquals(0, shadowOf(app().getSystemService(NotificationManager.class)).size());
        assertEquals(0, bz.storage().sightingCount());
        assertTrue(bz.storage().latestKey().isEmpty());
        Intent next = shadowOf(settings).getNextStartedActivity();
        assertEquals(OnboardingActivity.class.getName(), next.getComponent().getClassName());
    }
}

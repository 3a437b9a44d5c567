package vn.bluezone.android;

import java.time.Instant;

import android.content.Context;
import android.content.SharedPreferences;

import vn.bluezone.android.registry.Registration;

/**
 * Small values the app keeps besides the engine's database: the registration with the server, the code the app
 * was installed with, the user's choices, and what the last background run found. All of it goes with "delete
 * all data".
 */
public final class AppSettings {
    static final String FILE = "bluezone";
    private final SharedPreferences prefs;

    public AppSettings(Context context) {
        this.prefs = context.getSharedPreferences(FILE, Context.MODE_PRIVATE);
    }

    public boolean onboarded() {
        return prefs.getBoolean("onboarded", false);
    }

    public void setOnboarded(boolean v) {
        prefs.edit().putBoolean("onboarded", v).apply();
    }

    /** The place or referral code from the link the app was installed or first opened with. */
    public InstallLink installLink() {
        String code = prefs.getString("link.code", null);
        String kind = prefs.getString("link.kind", null);
        return code == null || kind == null ? null : new InstallLink(InstallLink.Kind.valueOf(kind), code);
    }

    public void setInstallLink(InstallLink link) {
        prefs.edit().putString("link.kind", link.kind().name()).putString("link.code", link.code()).apply();
    }

    public String communeCode() {
        return prefs.getString("area.commune", null);
    }

    public String villageId() {
        return prefs.getString("area.village", null);
    }

    public void setArea(String commune, String village) {
        prefs.edit().putString("area.commune", commune).putString("area.village", village).apply();
    }

    public Registration registration() {
        String id = prefs.getString("reg.deviceId", null);
        if (id == null) {
            return null;
        }
        return new Registration(id, prefs.getString("reg.secret", ""), prefs.getString("reg.installCode", ""),
                prefs.getString("reg.referralCode", ""));
    }

    public void setRegistration(Registration r) {
        prefs.edit().putString("reg.deviceId", r.deviceId()).putString("reg.secret", r.deviceSecret())
                .putString("reg.installCode", r.installCode()).putString("reg.referralCode", r.referralCode())
                .apply();
    }

    /** A random id kept across retries, so that a registration whose answer was lost is not counted twice. */
    public String installationId() {
        String id = prefs.getString("reg.installationId", null);
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            prefs.edit().putString("reg.installationId", id).apply();
        }
        return id;
    }

    public Instant lastCheck() {
        long ms = prefs.getLong("check.last", 0);
        return ms == 0 ? null : Instant.ofEpochMilli(ms);
    }

    public void setLastCheck(Instant at) {
        prefs.edit().putLong("check.last", at.toEpochMilli()).apply();
    }

    /** The minimum version the server requires when it is above this app's, else null. */
    public String updateRequired() {
        return prefs.getString("check.updateRequired", null);
    }

    public void setUpdateRequired(String minimumVersion) {
        prefs.edit().putString("check.updateRequired", minimumVersion).apply();
    }

    /** The health hotline from the server's signed configuration, else null (the app shows the one it ships). */
    public String healthHotline() {
        return prefs.getString("config.hotline", null);
    }

    public void setHealthHotline(String hotline) {
        prefs.edit().putString("config.hotline", hotline).apply();
    }

    public Instant lastHeartbeat() {
        long ms = prefs.getLong("heartbeat.last", 0);
        return ms == 0 ? null : Instant.ofEpochMilli(ms);
    }

    public void setLastHeartbeat(Instant at) {
        prefs.edit().putLong("heartbeat.last", at.toEpochMilli()).apply();
    }

    /** The export signing key trusted on first use (when the build ships none). */
    public String trustedExportKey() {
        return prefs.getString("trust.exportKey", null);
    }

    public void setTrustedExportKey(String pem) {
        prefs.edit().putString("trust.exportKey", pem).apply();
    }

    /** "" = as the phone, else a language tag ("vi", "en"). Kept across "delete all data": it is not personal. */
    public String language() {
        return prefs.getString("ui.language", "");
    }

    public void setLanguage(String tag) {
        prefs.edit().putString("ui.language", tag).commit();
    }

    /** The server URL a debug build or a test points the app at, else null (the shipped one). */
    public String serverUrlOverride() {
        return prefs.getString("debug.serverUrl", null);
    }

    public void setServerUrlOverride(String url) {
        prefs.edit().putString("debug.serverUrl", url).commit();
    }

    /** Forgets everything but the language and a debug server address. */
    public void clearAll() {
        String language = language();
        String server = serverUrlOverride();
        prefs.edit().clear().putString("ui.language", language).putString("debug.serverUrl", server).commit();
    }
}

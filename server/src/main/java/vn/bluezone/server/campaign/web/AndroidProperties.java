package vn.bluezone.server.campaign.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Android app offered on the install pages until it is in the stores ({@code bluezone.android.*},
 * environment {@code BLUEZONE_ANDROID_APK}).
 *
 * @param apk        path of the APK built from this repository ({@code android/build-apk.sh apk --out FILE});
 *                   empty = no APK offered, only the store links. Its version is read from the sidecar
 *                   {@code FILE.properties} the build script writes from the APK's own manifest.
 * @param apkVersion the version to show when there is no sidecar (empty = the version is not shown)
 */
@Validated
@ConfigurationProperties(prefix = "bluezone.android")
public record AndroidProperties(@DefaultValue("") String apk, @DefaultValue("") String apkVersion) {
}

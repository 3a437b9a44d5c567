package vn.bluezone.server;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Server-wide settings ({@code bluezone.*}). Each feature has its own typed block (e.g. {@code bluezone.keys.*}).
 *
 * @param dataDir   where the embedded database, export files and signing keys live (BLUEZONE_DATA_DIR)
 * @param publicUrl the one address phones and officials use (BLUEZONE_PUBLIC_URL): printed on posters, sent in
 *                  SMS, shown in the ready message. Optional, but nothing is printed without it ({@link PublicUrl})
 */
@Validated
@ConfigurationProperties(prefix = "bluezone")
public record BluezoneProperties(@NotBlank String dataDir, URI publicUrl) {
    public BluezoneProperties {
        if (publicUrl != null && !publicUrl.toString().isBlank()) {
            PublicUrl.normalise(publicUrl); // fails start-up with one line naming the setting
        } else {
            publicUrl = null;
        }
    }
}

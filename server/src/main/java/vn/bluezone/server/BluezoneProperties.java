package vn.bluezone.server;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Server-wide settings ({@code bluezone.*}). Each feature has its own typed block (e.g. {@code bluezone.keys.*}).
 *
 * @param dataDir   where the embedded database, export files and signing keys live (BLUEZONE_DATA_DIR)
 * @param publicUrl the address phones and officials use, when behind a proxy (BLUEZONE_PUBLIC_URL); optional
 */
@Validated
@ConfigurationProperties(prefix = "bluezone")
public record BluezoneProperties(@NotBlank String dataDir, URI publicUrl) {
}

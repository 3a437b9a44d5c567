package vn.bluezone.server.campaign.web;

import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /download/bluezone.apk}: the APK the install pages offer ({@code bluezone.android.apk}), as an Android
 * package with a file name, its SHA-256 as the ETag (a repeated download with {@code If-None-Match} gets 304) and
 * an hour of caching (a rebuilt APK has a new ETag). 404 with a short Vietnamese text when no APK is configured.
 */
@RestController
public class ApkDownload {
    public static final String PATH = "/download/bluezone.apk";
    public static final MediaType APK = MediaType.parseMediaType("application/vnd.android.package-archive");

    private final AndroidApk apk;
    private final MessageSource messages;

    public ApkDownload(AndroidApk apk, MessageSource messages) {
        this.apk = apk;
        this.messages = messages;
    }

    @GetMapping(PATH)
    public ResponseEntity<Resource> download(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                             String ifNoneMatch) {
        AndroidApk.Info info = apk.current().orElse(null);
        if (info == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body(new org.springframework.core.io.ByteArrayResource(
                            messages.getMessage("install.apk.missing", null, LocaleContextHolder.getLocale())
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        String etag = "\"" + info.sha256() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(APK).contentLength(info.size()).eTag(etag).cacheControl(cache)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(info.fileName())
                        .build().toString())
                .body(new FileSystemResource(info.file()));
    }
}

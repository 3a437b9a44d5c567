package vn.bluezone.device.messages;

/** A warning's text in one language: a short title for the notification and the full body. */
public record RenderedWarning(String title, String body) {
}

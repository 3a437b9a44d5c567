package vn.bluezone.device.update;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app version as the server's {@code minimumAppVersion} and the app's store listing write it: one to four
 * dot-separated numbers ({@code 1.2.0}), optionally followed by a pre-release or build suffix ({@code -beta},
 * {@code +42}) which is kept for display but ignored when comparing. Missing parts count as 0, so {@code 1.2}
 * equals {@code 1.2.0}.
 */
public record AppVersion(String text, int[] parts) implements Comparable<AppVersion> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9}){0,3})([-+][0-9A-Za-z.+-]{0,32})?");

    public AppVersion {
        Objects.requireNonNull(text);
        parts = Arrays.copyOf(parts, 4);
    }

    /** @throws IllegalArgumentException when {@code text} is not a version like {@code 1.2.0} */
    public static AppVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("an app version is needed, like 1.2.0");
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an app version (like 1.2.0): \"" + text + "\"");
        }
        String[] numbers = m.group(1).split("\\.");
        int[] parts = new int[4];
        for (int i = 0; i < numbers.length; i++) {
            parts[i] = Integer.parseInt(numbers[i]);
        }
        return new AppVersion(text.strip(), parts);
    }

    /** The four numbers, e.g. {@code 1.2.0.0} for {@code 1.2-beta}: equal versions give equal text. */
    public String normalized() {
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
    }

    public boolean isOlderThan(AppVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int[] parts() {
        return parts.clone();
    }

    @Override
    public int compareTo(AppVersion o) {
        return Arrays.compare(parts, o.parts);
    }

    /** Equal when the numbers are, whatever the suffix or the number of written parts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AppVersion v && Arrays.equals(parts, v.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return text;
    }
}

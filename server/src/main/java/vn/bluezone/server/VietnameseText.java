package vn.bluezone.server;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Vietnamese text rules shared by search and sorting: NFC storage, diacritic-free search keys (đ → d included, which
 * Unicode decomposition does not do: đ is a letter of its own, not d plus a mark) and dictionary order.
 */
public final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Locale VI = Locale.forLanguageTag("vi");

    /**
     * Dictionary order. The JDK's "vi" collator orders letters right (A Ă Â, D Đ, O Ô Ơ, U Ư, tones after the base
     * letter) but ignores spaces, so "Hải Phòng" would sort before "Hà Nội"; Vietnamese lists compare word by word.
     */
    public static final Comparator<String> ORDER = VietnameseText::compare;

    private VietnameseText() {
    }

    /** NFC with single spaces, trimmed; null stays null. */
    public static String nfc(String s) {
        if (s == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    /** Lower-case, diacritic-free, single-spaced: the key that search compares ("Xã Quảng Ngạn" → "xa quang ngan"). */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Compares two names word by word with the Vietnamese collator. */
    public static int compare(String a, String b) {
        String[] wa = nfc(a).split(" ");
        String[] wb = nfc(b).split(" ");
        Collator collator = collator();
        for (int i = 0; i < Math.min(wa.length, wb.length); i++) {
            int c = collator.compare(wa[i], wb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(wa.length, wb.length);
    }

    public static <T> Comparator<T> comparing(Function<T, String> name) {
        return (x, y) -> compare(name.apply(x), name.apply(y));
    }

    // Collators are not thread-safe; a per-thread instance is cheap and avoids locking while sorting.
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(VI);
        c.setStrength(Collator.TERTIARY);
        return c;
    });

    private static Collator collator() {
        return COLLATOR.get();
    }
}

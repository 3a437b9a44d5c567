package vn.bluezone.server.campaign.radio;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import vn.bluezone.server.registry.AreaSnapshot;

/**
 * The live figures an announcement can quote, written {@code {key}} in a template. Keys are Vietnamese without
 * diacritics so a commune official can type them on any keyboard. A figure is empty when its denominator is unknown
 * (no population entered yet): the script is then not read out with a blank in it. What each figure is, is in the
 * bundles ({@code campaign.placeholder.<key>}).
 */
public enum Placeholder {
    DON_VI("don_vi", s -> Optional.of(s.unitName())),
    NGAY("ngay", s -> Optional.of(DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .format(s.day()))),
    SO_CAI_DAT("so_cai_dat", s -> Optional.of(count(s.installs()))),
    DAN_SO("dan_so", s -> Optional.ofNullable(s.population()).map(Placeholder::count)),
    TY_LE("ty_le", s -> Optional.ofNullable(s.populationRate())
            .map(Placeholder::percent)),
    SO_DIEN_THOAI("so_dien_thoai", s -> Optional.ofNullable(s.phoneBase())
            .map(Placeholder::count)),
    TY_LE_DIEN_THOAI("ty_le_dien_thoai",
            s -> Optional.ofNullable(s.phoneRate()).map(Placeholder::percent)),
    TANG_TUAN("tang_tuan", s -> Optional.of(count(s.installs()
            - s.installsWeekAgo()))),
    DANG_HOAT_DONG("dang_hoat_dong", s -> Optional.of(count(s.active7d())));

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private final String key;
    private final Function<AreaSnapshot, Optional<String>> value;

    Placeholder(String key, Function<AreaSnapshot, Optional<String>> value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String token() {
        return "{" + key + "}";
    }

    public Optional<String> valueFor(AreaSnapshot snapshot) {
        return value.apply(snapshot);
    }

    public static Optional<Placeholder> byKey(String key) {
        for (Placeholder p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** 12345 → "12.345" (Vietnamese groups thousands with a dot). */
    static String count(long n) {
        return NumberFormat.getIntegerInstance(VI).format(n);
    }

    /** 0.6234 → "62%"; under 10% one decimal with a comma, 0.045 → "4,5%", as it is read aloud. */
    static String percent(double fraction) {
        double pct = fraction * 100;
        if (pct < 10) {
            NumberFormat f = NumberFormat.getNumberInstance(VI);
            f.setMaximumFractionDigits(1);
            f.setMinimumFractionDigits(0);
            return f.format(Math.round(pct * 10) / 10.0) + "%";
        }
        return Math.round(pct) + "%";
    }
}

package vn.bluezone.server.campaign;

import java.util.Locale;

/** Shared handling of the campaign's fixed lists (cohorts, place kinds, bodies, procedures) typed in forms and APIs. */
public final class CampaignChoice {
    private CampaignChoice() {
    }

    /**
     * Parses a constant name leniently ("home-quarantine" → HOME_QUARANTINE); {@code what} names the field in the
     * error, e.g. "cohort is required" or "unknown cohort 'x'".
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + s + "'");
        }
    }

    /** The English label for an English locale, the Vietnamese one otherwise (Vietnamese first). */
    public static String label(Locale locale, String vi, String en) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : vi;
    }
}

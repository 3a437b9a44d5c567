package vn.bluezone.device.messages;

import java.util.regex.Pattern;

/**
 * The one rule for which health hotline the app names, used by the Bluetooth warnings ({@code ExposureChecker}),
 * the check-in warnings ({@code CheckinEngine}) and the app's warnings screen: the server's (the {@code
 * health.hotline} of a verified configuration, kept from the last one), else the one the app ships (its deployment
 * setting), else none (the advice then names the health station only). Both must look like a phone number: a
 * configuration or build cannot slip a link or text into the advice.
 */
public final class HealthHotline {
    /** What a hotline may look like (the server checks the same): digits, spaces, '+', '.', '-'. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 .-]{2,19}");

    private HealthHotline() {
    }

    public static boolean isPhoneNumber(String s) {
        return s != null && PHONE_NUMBER.matcher(s).matches();
    }

    /**
     * @param configured the server's hotline (verified configuration, or kept from one), or null
     * @param shipped    the hotline the app ships with, or null
     * @return the first of them that is a phone number, or null when neither is
     */
    public static String choose(String configured, String shipped) {
        if (isPhoneNumber(configured)) {
            return configured;
        }
        return isPhoneNumber(shipped) ? shipped : null;
    }
}

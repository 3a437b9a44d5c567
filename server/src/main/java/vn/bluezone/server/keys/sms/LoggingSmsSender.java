package vn.bluezone.server.keys.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: writes to the log that a message would be sent, with the number masked and without its
 * text (the text carries a secret code). Nothing reaches the patient: the console tells the officer to read the
 * code out instead.
 */
public class LoggingSmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String phone, String text) {
        LOG.info("SMS not sent (no gateway configured, bluezone.keys.sms.gateway-url): {} characters to {}",
                text.length(), PhoneNumbers.masked(phone));
    }

    @Override
    public boolean delivers() {
        return false;
    }
}

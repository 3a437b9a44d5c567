package vn.bluezone.server.keys.sms;

/**
 * Sends one text message. The default ({@link LoggingSmsSender}) only logs that a message would go out; set
 * {@code bluezone.keys.sms.gateway-url} to send through an HTTP SMS gateway ({@link HttpSmsSender}), or supply
 * another bean.
 */
public interface SmsSender {
    /**
     * @param phone an E.164 number ({@code +84...}), checked by {@link PhoneNumbers}
     * @param text  the message
     * @throws SmsFailed when the message was not accepted for delivery
     */
    void send(String phone, String text);

    /** True when messages really leave the server (the console says so, or says that nothing was sent). */
    boolean delivers();

    /** The gateway refused the message or could not be reached. */
    class SmsFailed extends RuntimeException {
        public SmsFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

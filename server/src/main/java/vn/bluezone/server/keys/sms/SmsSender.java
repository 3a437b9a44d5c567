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

    /** Why a message did not go out; the officer's page names it ({@code codes.sms.failed.<reason>}). */
    enum Reason {
        /** The gateway answered, but not with 2xx ({@link SmsFailed#status()} holds the HTTP status). */
        REFUSED,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The gateway could not be reached (refused connection, unknown host, broken answer). */
        UNREACHABLE
    }

    /** The gateway refused the message or could not be reached. */
    class SmsFailed extends RuntimeException {
        private final Reason reason;
        private final int status;

        public SmsFailed(Reason reason, int status, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
            this.status = status;
        }

        public Reason reason() {
            return reason;
        }

        /** The gateway's HTTP status when {@link Reason#REFUSED}, 0 otherwise. */
        public int status() {
            return status;
        }
    }
}

package vn.bluezone.device.store;

/** The phone's database failed; unchecked because the engine cannot continue meaningfully without it. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package vn.bluezone.server.keys.submission.rules;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import vn.bluezone.api.ErrorCode;

/** {@code DUPLICATE_KEY}: the same key data twice in one upload; the first is kept, later copies refused. */
public final class NoDuplicateKey implements KeyRule {
    private final Set<ByteBuffer> seen = new HashSet<>();

    @Override
    public ErrorCode check(UploadedKey key) {
        return seen.add(ByteBuffer.wrap(key.data())) ? null : ErrorCode.DUPLICATE_KEY;
    }
}

package vn.bluezone.server.web.limits;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Reads a phone's request body with servlet non-blocking I/O: while the bytes trickle in, no Tomcat thread waits
 * for them (issue 15 §1: ~220 connections sending one body byte every 5 s used to hold every thread). When the
 * whole body is in memory the request is dispatched again to the normal chain with that body; a body over the
 * limit or not complete within the async timeout is refused.
 */
final class DeviceBodyReader implements ReadListener, AsyncListener {
    private final AsyncContext async;
    private final ServletInputStream in;
    private final long limit;
    private final BiConsumer<AsyncContext, Refusal> refuse;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    private final byte[] buffer = new byte[4096];
    private final AtomicBoolean done = new AtomicBoolean();

    DeviceBodyReader(AsyncContext async, ServletInputStream in, long limit, BiConsumer<AsyncContext, Refusal> refuse) {
        this.async = async;
        this.in = in;
        this.limit = limit;
        this.refuse = refuse;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done.get() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            body.write(buffer, 0, n);
            if (body.size() > limit) {
                finish(Refusal.tooLarge(limit));
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (done.compareAndSet(false, true)) {
            async.getRequest().setAttribute(RequestGuardFilter.BODY_ATTRIBUTE, body.toByteArray());
            async.dispatch();
        }
    }

    @Override
    public void onError(Throwable t) {
        // The client went away or the connection broke: nothing to answer.
        if (done.compareAndSet(false, true)) {
            async.complete();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish(Refusal.timeout());
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    private void finish(Refusal refusal) {
        if (done.compareAndSet(false, true)) {
            refuse.accept(async, refusal);
        }
    }
}

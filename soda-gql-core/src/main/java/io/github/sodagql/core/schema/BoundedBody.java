package io.github.sodagql.core.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a reply's body in memory, up to a limit: a reply that announces or delivers more is cancelled
 * there, so a hostile or broken server cannot fill the heap. It also tells how much arrived, and can be
 * cancelled from outside when the download's deadline passes.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The reply is larger than the limit; nothing more of it is read. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final long announced;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile long received;

    /** @param announced the reply's Content-Length, or -1 when it has none */
    BoundedBody(long limit, long announced) {
        this.limit = limit;
        this.announced = announced;
    }

    /** The number of body bytes received so far. */
    long received() {
        return received;
    }

    /** Stops reading; the body then never completes. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        body.cancel(false);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announced > limit) {
            tooLarge();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > limit) {
                tooLarge();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    private void tooLarge() {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit));
    }
}

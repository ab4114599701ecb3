package com.example.medium;

import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A finite, synchronous {@link Publisher} of the given events, as a subscription data fetcher returns it.
 * Each subscriber gets every event in order (as far as it requests), then {@code onComplete}.
 */
final class EventStream<T> implements Publisher<T> {
    private final List<T> events;

    private EventStream(List<T> events) {
        this.events = List.copyOf(events);
    }

    static <T> EventStream<T> of(List<T> events) {
        return new EventStream<>(events);
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        subscriber.onSubscribe(new Subscription() {
            private int next;
            private long requested;
            private boolean emitting;
            private boolean done;

            @Override
            public synchronized void request(long n) {
                if (done) {
                    return;
                }
                if (n <= 0) {
                    done = true;
                    subscriber.onError(new IllegalArgumentException("request(" + n + ") violates rule 3.9"));
                    return;
                }
                requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
                if (emitting) {
                    return; // a re-entrant request from onNext: the loop below picks it up
                }
                emitting = true;
                while (!done && requested > 0 && next < events.size()) {
                    requested--;
                    subscriber.onNext(events.get(next++));
                }
                if (!done && next == events.size()) {
                    done = true;
                    subscriber.onComplete();
                }
                emitting = false;
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
    }
}

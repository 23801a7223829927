package org.clain.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * One background thread that runs render jobs, latest request wins: each job has a slot (a view);
 * a new request for a slot replaces the one still waiting there, so a fast drag never queues
 * stale frames, and the FX thread never waits. Results come back on the FX thread, in order per
 * slot; a result older than one already shown for its slot is dropped.
 */
final class RenderService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("clain.ui");

    private record Job<T>(long seq, Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
    }

    private final Object lock = new Object();
    private final Map<Object, Job<?>> pending = new LinkedHashMap<>();
    private final Map<Object, Long> shown = new java.util.HashMap<>();
    /** Jobs waiting or running, plus results on their way to the FX thread. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;
    private Runnable atExit;
    private long seq;

    RenderService(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    /** Queues {@code work} for {@code slot}, replacing the request still waiting there. */
    <T> void submit(Object slot, Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            long s = ++seq;
            Job<?> old = pending.put(slot, new Job<>(s, work, onFx, onError));
            if (old == null) {
                inFlight.incrementAndGet();
            }
            lock.notifyAll();
        }
    }

    /** True when nothing waits, runs or is on its way to the FX thread (for tests). */
    boolean idle() {
        return inFlight.get() == 0;
    }

    private void loop() {
        while (true) {
            Object slot;
            Job<?> job;
            synchronized (lock) {
                while (pending.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (closed) {
                    break;
                }
                var it = pending.entrySet().iterator();
                var e = it.next();
                it.remove();
                slot = e.getKey();
                job = e.getValue();
            }
            run(slot, job);
        }
        Runnable r;
        synchronized (lock) {
            r = atExit;
        }
        if (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the renderer failed", e);
            }
        }
    }

    private <T> void run(Object slot, Job<T> job) {
        T result;
        try {
            result = job.work().get();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "render failed", t);
            Platform.runLater(() -> {
                try {
                    if (job.onError() != null) {
                        job.onError().accept(t);
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            return;
        }
        Platform.runLater(() -> {
            try {
                Long last = shown.get(slot);
                if (!closed && result != null && (last == null || last < job.seq())) {
                    shown.put(slot, job.seq());
                    job.onFx().accept(result);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        closeAndThen(null);
    }

    /** Drops waiting jobs and stops the thread, which runs {@code last} (closing what it owns) before it ends. */
    void closeAndThen(Runnable last) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            atExit = last;
            closed = true;
            inFlight.addAndGet(-pending.size());
            pending.clear();
            lock.notifyAll();
        }
    }
}

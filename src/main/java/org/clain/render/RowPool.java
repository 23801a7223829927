package org.clain.render;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads that split the rows of one frame among themselves (dynamic
 * chunks, the calling thread works too). Running a frame allocates nothing: the task is handed
 * over through fields and a monitor, not through futures.
 */
final class RowPool implements AutoCloseable {
    /** Work on rows [from, to); {@code worker} in [0, threads) identifies per-thread scratch space. */
    interface RowTask {
        void rows(int from, int to, int worker);
    }

    private final Object lock = new Object();
    private final Thread[] workers;
    private final AtomicInteger next = new AtomicInteger();
    private RowTask task;
    private int total;
    private int chunk;
    private long generation;
    private int pending;
    private boolean closed;
    private Throwable failure;

    RowPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            final int index = w + 1;
            Thread t = new Thread(() -> loop(index), "clain-reslice-" + index);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    Thread[] workerThreads() {
        return workers.clone();
    }

    /** Runs the task over rows [0, rows) on all threads and returns when every row is done. */
    void run(RowTask t, int rows) {
        if (workers.length == 0 || rows < 2) {
            t.rows(0, rows, 0);
            return;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("row pool closed");
            }
            task = t;
            total = rows;
            chunk = Math.max(1, rows / (threads() * 8));
            next.set(0);
            failure = null;
            pending = workers.length;
            generation++;
            lock.notifyAll();
        }
        Throwable mine = null;
        try {
            work(t, rows, chunk, 0);
        } catch (Throwable e) {
            mine = e;
            next.set(rows); // stop the others taking more rows
        }
        boolean interrupted = false;
        synchronized (lock) {
            while (pending > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            task = null;
            if (mine == null) {
                mine = failure;
            }
            failure = null;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine instanceof RuntimeException re) {
            throw re;
        }
        if (mine instanceof Error err) {
            throw err;
        }
        if (mine != null) {
            throw new IllegalStateException(mine);
        }
    }

    private void work(RowTask t, int rows, int step, int worker) {
        int from;
        while ((from = next.getAndAdd(step)) < rows) {
            t.rows(from, Math.min(rows, from + step), worker);
        }
    }

    private void loop(int index) {
        long seen = 0;
        while (true) {
            RowTask t;
            int rows;
            int step;
            synchronized (lock) {
                while (generation == seen && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // only close() ends a worker
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
                t = task;
                rows = total;
                step = chunk;
            }
            Throwable err = null;
            try {
                work(t, rows, step, index);
            } catch (Throwable e) {
                err = e;
                next.set(rows);
            }
            synchronized (lock) {
                if (err != null && failure == null) {
                    failure = err;
                }
                if (--pending == 0) {
                    lock.notifyAll();
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}

package io.fashionrec.onnx.registry;

import io.fashionrec.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Progress} that remembers what it was told. */
final class RecordingProgress implements Progress {

    final List<String> tasks = new ArrayList<>();
    final List<Long> totals = new ArrayList<>();
    final AtomicLong advanced = new AtomicLong();
    int finished;

    @Override
    public synchronized void start(String task, long total) {
        tasks.add(task);
        totals.add(total);
    }

    @Override
    public void advance(long done) {
        advanced.addAndGet(done);
    }

    @Override
    public synchronized void finish() {
        finished++;
    }
}

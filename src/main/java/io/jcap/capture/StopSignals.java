package io.jcap.capture;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * SIGINT and SIGTERM end a capture cleanly (the reader empties the queue, files are
 * completed, the count is printed) instead of killing the JVM: shutdown hooks would run
 * too late and change the exit status. Installed for one capture, restored after it.
 */
public final class StopSignals implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    public static StopSignals install(Runnable stop) {
        StopSignals s = new StopSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal sig = new Signal(name);
                SignalHandler old = Signal.handle(sig, x -> stop.run());
                s.signals.add(sig);
                s.previous.add(old);
            } catch (IllegalArgumentException e) {
                // not available here (or the JVM uses it): keep the default
            }
        }
        return s;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}

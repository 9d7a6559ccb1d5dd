package io.jcap.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The capture options as tshark reads them: -f, -s, -p, -B and -I given before any -i
 * are defaults for every interface; given after an -i they apply to that interface only.
 * Values stay text until {@link Jcap} checks them, in tshark's words.
 */
final class CaptureArgs {
    /** One interface's options (or the defaults); null fields were not given. */
    static final class Iface {
        String name;
        String filter;
        String snapLength;
        Boolean noPromiscuous;
        String bufferSize;
        Boolean monitor;

        /** This interface's value where given, else the default's. */
        Iface over(Iface defaults) {
            Iface r = new Iface();
            r.name = name;
            r.filter = filter != null ? filter : defaults.filter;
            r.snapLength = snapLength != null ? snapLength : defaults.snapLength;
            r.noPromiscuous = noPromiscuous != null ? noPromiscuous : defaults.noPromiscuous;
            r.bufferSize = bufferSize != null ? bufferSize : defaults.bufferSize;
            r.monitor = monitor != null ? monitor : defaults.monitor;
            return r;
        }
    }

    final Iface defaults = new Iface();
    final List<Iface> interfaces = new ArrayList<>();

    /** Where the next per-interface option goes. */
    private Iface current() {
        return interfaces.isEmpty() ? defaults : interfaces.get(interfaces.size() - 1);
    }

    void iface(String name) {
        Iface i = new Iface();
        i.name = name;
        interfaces.add(i);
    }

    void filter(String f) {
        current().filter = f;
    }

    void snapLength(String s) {
        current().snapLength = s;
    }

    void noPromiscuous() {
        current().noPromiscuous = true;
    }

    void bufferSize(String b) {
        current().bufferSize = b;
    }

    void monitor() {
        current().monitor = true;
    }

    /** Whether any capture option was given (they mean nothing when reading a file). */
    boolean any() {
        return !interfaces.isEmpty() || defaults.filter != null || defaults.snapLength != null
                || defaults.noPromiscuous != null || defaults.bufferSize != null || defaults.monitor != null;
    }
}

package io.jcap.capture;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.frame.InterfaceInfo;

import java.io.IOException;

/**
 * The frames of a file that pass a capture filter, numbered from 1 as if the others had
 * never been captured (tcpdump's {@code -r FILE EXPRESSION}). Records that are no packets
 * (pcapng custom blocks) do not pass.
 */
public final class FilteredSource implements FrameSource {
    private final FrameSource in;
    private final OfflineFilter filter;
    private long number;

    public FilteredSource(FrameSource in, OfflineFilter filter) {
        this.in = in;
        this.filter = filter;
    }

    @Override
    public boolean next(Frame into) throws IOException {
        while (in.next(into)) {
            if (into.linkType == Frame.CUSTOM_BLOCK) {
                continue;
            }
            boolean pass;
            try {
                pass = filter.matches(into);
            } catch (OfflineFilter.CaptureFilterError e) {
                pass = false; // a link type libpcap cannot filter
            }
            if (pass) {
                into.number = ++number;
                return true;
            }
        }
        return false;
    }

    @Override
    public InterfaceInfo interfaceInfo(int id) {
        return in.interfaceInfo(id);
    }

    @Override
    public int interfaceCount() {
        return in.interfaceCount();
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            filter.close();
        }
    }
}

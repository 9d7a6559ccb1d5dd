package io.jcap.cli;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * Netty's log, silenced. jcap never shows Netty's messages, and Netty's own choice of a
 * logging library (probing SLF4J, Log4J, then java.util.logging) cost about 10 ms of
 * every start.
 */
final class QuietNettyLog extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;

    /** Installs the silent log; call before Netty's first use. */
    static void install() {
        InternalLoggerFactory.setDefaultFactory(new InternalLoggerFactory() {
            @Override
            protected InternalLogger newInstance(String name) {
                return new QuietNettyLog(name);
            }
        });
    }

    private QuietNettyLog(String name) {
        super(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public void trace(String msg) {
    }

    @Override
    public void trace(String format, Object arg) {
    }

    @Override
    public void trace(String format, Object a, Object b) {
    }

    @Override
    public void trace(String format, Object... args) {
    }

    @Override
    public void trace(String msg, Throwable t) {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String msg) {
    }

    @Override
    public void debug(String format, Object arg) {
    }

    @Override
    public void debug(String format, Object a, Object b) {
    }

    @Override
    public void debug(String format, Object... args) {
    }

    @Override
    public void debug(String msg, Throwable t) {
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public void info(String msg) {
    }

    @Override
    public void info(String format, Object arg) {
    }

    @Override
    public void info(String format, Object a, Object b) {
    }

    @Override
    public void info(String format, Object... args) {
    }

    @Override
    public void info(String msg, Throwable t) {
    }

    @Override
    public boolean isWarnEnabled() {
        return false;
    }

    @Override
    public void warn(String msg) {
    }

    @Override
    public void warn(String format, Object arg) {
    }

    @Override
    public void warn(String format, Object a, Object b) {
    }

    @Override
    public void warn(String format, Object... args) {
    }

    @Override
    public void warn(String msg, Throwable t) {
    }

    @Override
    public boolean isErrorEnabled() {
        return false;
    }

    @Override
    public void error(String msg) {
    }

    @Override
    public void error(String format, Object arg) {
    }

    @Override
    public void error(String format, Object a, Object b) {
    }

    @Override
    public void error(String format, Object... args) {
    }

    @Override
    public void error(String msg, Throwable t) {
    }
}

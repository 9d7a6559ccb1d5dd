package io.jcap.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The settings every jcap benchmark shares (JMH's annotations are inherited): average time
 * in microseconds, and a fork with the JVM options of the ./jcap launcher that matter for
 * speed (serial collector, Netty's bounds checks off), so that the numbers are jcap's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Dio.netty.buffer.checkBounds=false",
        "-Dio.netty.buffer.checkAccessible=false"})
public abstract class JcapBenchmark {
}

package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.process.ManagedProcess;
import java.util.ArrayList;
import java.util.List;

/** The JVM options of a deployable started by the harness. */
final class JvmArgs {

    private JvmArgs() {
    }

    /**
     * @param quickJvm C1 only: the JVMs start faster, for tests; benchmarks want the JIT of production
     * @param heapMb   the maximum heap
     */
    static List<String> of(boolean quickJvm, int heapMb) {
        List<String> args = new ArrayList<>(List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED"));
        if (ManagedProcess.javaFeatureOf(ManagedProcess.javaExecutable(21)) >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (quickJvm) {
            args.add("-XX:TieredStopAtLevel=1");
        }
        return args;
    }
}

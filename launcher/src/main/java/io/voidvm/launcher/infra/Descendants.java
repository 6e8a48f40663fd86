package io.voidvm.launcher.infra;

import java.util.List;

/** Finds this JVM's descendant processes by a fragment of their command line (e.g. a data dir path). */
final class Descendants {

    private Descendants() {
    }

    static List<ProcessHandle> mentioning(String fragment) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(fragment)).orElse(false))
                .toList();
    }
}

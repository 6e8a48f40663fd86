package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qmp.QmpSession;
import java.nio.file.Path;
import java.time.Duration;

/** Opens a QMP session (greeting and capabilities done); throws a {@code QmpException} when it cannot. */
@FunctionalInterface
public interface QmpConnector {

    QmpSession connect(Path socket, Duration timeout);
}

package io.voidvm.nodeagent.qmp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * QMP client over a Unix domain socket, after QEMU's own {@code qemu.qmp}: an explicit run state, the
 * greeting and {@code qmp_capabilities} before anything else, an id → pending-call map, events to
 * listeners, and every pending call failed when the session ends.
 *
 * <p>Threads: a virtual reader thread owns the socket's input; a second virtual thread delivers events and
 * the final disconnect, in order, so listeners may block or call back into the session. Between the two sits a
 * bounded buffer ({@link EventDispatch}): the reader never waits for a listener, and when the listeners fall
 * {@code eventBuffer} events behind, further events are dropped and reported as one gap
 * ({@link QmpListener#onEventsDropped}). QEMU may write an event before the reply to the command that caused it
 * (e.g. {@code SHUTDOWN} before the reply to {@code quit}); nothing here assumes otherwise.
 *
 * <p>A line that is not valid QMP ends the session: after it the stream cannot be trusted to pair replies
 * with calls, and failing the calls at once beats letting them time out.
 */
public final class QmpClient implements QmpSession {

    private static final Logger log = LoggerFactory.getLogger(QmpClient.class);
    /** Events buffered for listeners unless the caller says otherwise. */
    public static final int DEFAULT_EVENT_BUFFER = 256;

    /** One timer thread for all sessions; it only fails futures, never runs user code. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineScheduler();

    private final Path socket;
    private final AtomicReference<QmpState> state = new AtomicReference<>(QmpState.IDLE);
    private final AtomicReference<QmpDisconnectedException> endCause = new AtomicReference<>();
    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final CompletableFuture<QmpGreeting> greeting = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Thread endingThread;
    private final List<QmpListener> listeners = new ArrayList<>();
    private boolean disconnectDelivered;
    private final EventDispatch dispatcher;
    private volatile QmpLineChannel channel;

    private record PendingCall(String command, CompletableFuture<JsonNode> result) {
    }

    public QmpClient(Path socket) {
        this(socket, DEFAULT_EVENT_BUFFER);
    }

    /** @param eventBuffer events held for listeners that fall behind; beyond it they are dropped as a gap */
    public QmpClient(Path socket, int eventBuffer) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.dispatcher = new EventDispatch(String.valueOf(socket.getFileName()), eventBuffer, this::deliver,
                this::deliverGap, this::deliverDisconnect);
    }

    /** Opens a session: connect, read the greeting, negotiate capabilities, all within {@code timeout}. */
    public static QmpClient connect(Path socket, Duration timeout) {
        return connect(socket, timeout, DEFAULT_EVENT_BUFFER);
    }

    public static QmpClient connect(Path socket, Duration timeout, int eventBuffer) {
        QmpClient client = new QmpClient(socket, eventBuffer);
        client.open(timeout);
        return client;
    }

    /** Events waiting for the listeners now, and events dropped so far because the buffer was full. */
    public int bufferedEvents() {
        return dispatcher.bufferedEvents();
    }

    public long droppedEvents() {
        return dispatcher.droppedEvents();
    }

    /**
     * IDLE → CONNECTING → RUNNING. On failure the client ends CLOSED and the cause is thrown:
     * {@link QmpDisconnectedException} (no socket, or it closed), {@link QmpProtocolException} (not QMP),
     * {@link QmpTimeoutException} (QEMU silent) or {@link QmpCommandException} (capabilities refused).
     */
    public QmpGreeting open(Duration timeout) {
        if (!state.compareAndSet(QmpState.IDLE, QmpState.CONNECTING)) {
            throw new IllegalStateException("open() on a QMP client in state " + state.get());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            channel = QmpLineChannel.connect(socket);
        } catch (IOException | RuntimeException e) {
            QmpDisconnectedException cause = new QmpDisconnectedException("cannot connect to " + socket + ": " + e, e);
            end(cause);
            throw cause;
        }
        Thread.ofVirtual().name("qmp-reader-" + socket.getFileName()).start(this::readLoop);
        try {
            QmpGreeting announced = await(greeting, "greeting", remaining(deadline), timeout);
            await(send("qmp_capabilities", Map.of(), Duration.ofNanos(remaining(deadline))), "qmp_capabilities",
                    remaining(deadline), timeout);
            if (!state.compareAndSet(QmpState.CONNECTING, QmpState.RUNNING)) {
                throw endedCause("open");
            }
            log.debug("QMP session open on {}: QEMU {}", socket, announced.version());
            return announced;
        } catch (QmpException e) {
            end(new QmpDisconnectedException("QMP handshake on " + socket + " failed: " + e.getMessage(), e));
            throw e;
        }
    }

    @Override
    public QmpState state() {
        return state.get();
    }

    @Override
    public QmpGreeting greeting() {
        QmpGreeting announced = greeting.getNow(null);
        if (announced == null) {
            throw new IllegalStateException("no greeting yet; state " + state.get());
        }
        return announced;
    }

    @Override
    public CompletableFuture<JsonNode> executeAsync(String command, Map<String, ?> arguments, Duration timeout) {
        QmpState current = state.get();
        if (current == QmpState.IDLE || current == QmpState.CONNECTING) {
            throw new IllegalStateException("QMP session on " + socket + " is not open (" + current + ")");
        }
        return send(command, arguments, timeout);
    }

    @Override
    public JsonNode execute(String command, Map<String, ?> arguments, Duration timeout) {
        CompletableFuture<JsonNode> call = executeAsync(command, arguments, timeout);
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpException failure) {
                throw failure;
            }
            throw new IllegalStateException("unexpected failure of " + command, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(false);
            throw new CancellationException("interrupted while waiting for " + command);
        }
    }

    @Override
    public Registration addListener(QmpListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (listeners) {
            if (!disconnectDelivered) {
                listeners.add(listener);
                return () -> {
                    synchronized (listeners) {
                        listeners.remove(listener);
                    }
                };
            }
        }
        // a listener that arrives after the end still learns about it, once
        notifyDisconnected(listener, endCause.get());
        return () -> {
        };
    }

    @Override
    public void close() {
        end(new QmpDisconnectedException("QMP session on " + socket + " closed by the agent"));
    }

    private CompletableFuture<JsonNode> send(String command, Map<String, ?> arguments, Duration timeout) {
        Objects.requireNonNull(command, "command");
        String id = "voidvm-" + lastId.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        PendingCall call = new PendingCall(command, result);
        pending.put(id, call);
        // end() sets the cause before draining the map: either it sees this call or we see the cause
        if (endCause.get() != null) {
            failIfPending(id, call, endedCause(command));
            return result;
        }
        ScheduledFuture<?> timer = DEADLINES.schedule(
                () -> failIfPending(id, call, new QmpTimeoutException(command, timeout)),
                Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        result.whenComplete((value, failure) -> timer.cancel(false));
        // a caller that cancels or gives up on the future frees its slot
        result.whenComplete((value, failure) -> pending.remove(id, call));
        try {
            channel.writeLine(QmpMessage.JSON.writeValueAsBytes(request(id, command, arguments)));
        } catch (IOException e) {
            end(new QmpDisconnectedException("cannot write to QMP socket " + socket + ": " + e, e));
        }
        return result;
    }

    private static ObjectNode request(String id, String command, Map<String, ?> arguments) {
        ObjectNode request = QmpMessage.JSON.createObjectNode();
        request.put("execute", command);
        if (arguments != null && !arguments.isEmpty()) {
            request.set("arguments", QmpMessage.JSON.valueToTree(arguments));
        }
        request.put("id", id);
        return request;
    }

    private void readLoop() {
        QmpDisconnectedException cause;
        try {
            while (true) {
                byte[] line = channel.readLine();
                if (line == null) {
                    cause = new QmpDisconnectedException("QEMU closed the QMP socket " + socket);
                    break;
                }
                if (!isBlank(line)) {
                    handle(QmpMessage.parse(line));
                }
            }
        } catch (QmpProtocolException e) {
            log.warn("QMP session on {} ends: {}", socket, e.getMessage());
            // a bad greeting surfaces from open() as what it is, not as a disconnect
            greeting.completeExceptionally(e);
            cause = new QmpDisconnectedException("QMP session on " + socket + " ended: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            cause = new QmpDisconnectedException("QMP socket " + socket + " failed: " + e, e);
        }
        end(cause);
    }

    private void handle(QmpMessage message) {
        switch (message) {
            case QmpMessage.Greeting hello -> {
                if (!greeting.complete(hello.greeting())) {
                    throw new QmpProtocolException("second greeting on one session");
                }
            }
            case QmpMessage.Reply reply -> {
                requireGreeting("reply");
                PendingCall call = reply.id() == null ? null : pending.remove(reply.id());
                if (call == null) {
                    log.debug("QMP reply on {} matches no pending call (late or foreign): id={}", socket, reply.id());
                } else if (reply.failed()) {
                    call.result().completeExceptionally(
                            new QmpCommandException(call.command(), reply.errorClass(), reply.errorDescription()));
                } else {
                    call.result().complete(reply.result());
                }
            }
            case QmpMessage.Event event -> {
                requireGreeting("event");
                dispatcher.offer(event.event());
            }
        }
    }

    private void requireGreeting(String what) {
        if (!greeting.isDone()) {
            throw new QmpProtocolException(what + " before the QMP greeting");
        }
    }

    private void deliverGap(long dropped) {
        log.warn("QMP session on {}: listeners fell behind, {} events dropped ({} dropped so far)", socket, dropped,
                dispatcher.droppedEvents());
        for (QmpListener listener : snapshotListeners()) {
            try {
                listener.onEventsDropped(dropped);
            } catch (RuntimeException e) {
                log.warn("QMP listener on {} failed on a gap of {} events", socket, dropped, e);
            }
        }
    }

    private void deliver(QmpEvent event) {
        for (QmpListener listener : snapshotListeners()) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("QMP listener on {} failed on {}", socket, event.name(), e);
            }
        }
    }

    /**
     * Idempotent: the first cause wins, each pending call gets its own exception, and every caller returns
     * only once the state is CLOSED (so that close() or a failed open() leave nothing half torn down).
     */
    private void end(QmpDisconnectedException cause) {
        if (!endCause.compareAndSet(null, cause)) {
            // a callback of a failed call may close the session from inside end(): don't wait for ourselves
            if (Thread.currentThread() != endingThread) {
                ended.join();
            }
            return;
        }
        endingThread = Thread.currentThread();
        state.set(QmpState.DISCONNECTING);
        QmpLineChannel open = channel;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                log.debug("closing QMP socket {}", socket, e);
            }
        }
        greeting.completeExceptionally(cause);
        for (String id : List.copyOf(pending.keySet())) {
            PendingCall call = pending.get(id);
            if (call != null) {
                failIfPending(id, call, endedCause(call.command()));
            }
        }
        state.set(QmpState.CLOSED);
        ended.complete(null);
        dispatcher.end();
    }

    private void deliverDisconnect() {
        List<QmpListener> toNotify;
        synchronized (listeners) {
            disconnectDelivered = true;
            toNotify = List.copyOf(listeners);
            listeners.clear();
        }
        toNotify.forEach(listener -> notifyDisconnected(listener, endCause.get()));
    }

    private void notifyDisconnected(QmpListener listener, QmpDisconnectedException cause) {
        try {
            listener.onDisconnected(cause);
        } catch (RuntimeException e) {
            log.warn("QMP listener on {} failed on disconnect", socket, e);
        }
    }

    private List<QmpListener> snapshotListeners() {
        synchronized (listeners) {
            return List.copyOf(listeners);
        }
    }

    private void failIfPending(String id, PendingCall call, QmpException failure) {
        if (pending.remove(id, call)) {
            call.result().completeExceptionally(failure);
        }
    }

    private QmpDisconnectedException endedCause(String command) {
        QmpDisconnectedException cause = endCause.get();
        return new QmpDisconnectedException(cause.getMessage() + " (while waiting for " + command + ")", cause);
    }

    private static <T> T await(CompletableFuture<T> future, String what, long nanos, Duration timeout) {
        try {
            return future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new QmpTimeoutException(what, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpException failure) {
                throw failure;
            }
            throw new QmpProtocolException("unexpected failure awaiting " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpDisconnectedException("interrupted awaiting " + what, e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static ScheduledThreadPoolExecutor deadlineScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("qmp-deadlines").daemon(true).factory());
        // replies usually beat their deadline: drop cancelled timers at once instead of at expiry
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}

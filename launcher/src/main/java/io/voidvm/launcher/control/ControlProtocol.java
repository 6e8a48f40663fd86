package io.voidvm.launcher.control;

import java.util.Optional;

/**
 * The lines spoken on the control socket. The client sends one request line ({@code restart vm-service}); the
 * launcher answers with progress lines ({@code step ...}) and ends with one {@code ok ...} or {@code error ...}
 * line, then closes. Plain text, so a person can talk to it with {@code socat} too.
 */
public final class ControlProtocol {

    private static final String RESTART = "restart ";

    private ControlProtocol() {
    }

    /** One line the launcher sends back. */
    public sealed interface Reply {
        String text();

        /** Something happened; more follows. */
        record Step(String text) implements Reply {
        }

        /** The request is done. */
        record Done(String text) implements Reply {
        }

        /** The request failed; the text says why. */
        record Failed(String text) implements Reply {
        }
    }

    public static String restartRequest(String component) {
        return RESTART + component;
    }

    /** The component a request line asks to restart, or empty when the line is no such request. */
    public static Optional<String> restartedComponent(String line) {
        if (line == null || !line.startsWith(RESTART)) {
            return Optional.empty();
        }
        String component = line.substring(RESTART.length()).strip();
        return component.matches("[a-z0-9][a-z0-9-]*") ? Optional.of(component) : Optional.empty();
    }

    public static String format(Reply reply) {
        String kind = switch (reply) {
            case Reply.Step step -> "step";
            case Reply.Done done -> "ok";
            case Reply.Failed failed -> "error";
        };
        // one reply per line: a message with a line break (a stack of causes) must not end the reply early
        return kind + " " + reply.text().replace('\n', ' ').replace('\r', ' ');
    }

    public static Reply parse(String line) {
        int space = line.indexOf(' ');
        String kind = space < 0 ? line : line.substring(0, space);
        String text = space < 0 ? "" : line.substring(space + 1);
        return switch (kind) {
            case "step" -> new Reply.Step(text);
            case "ok" -> new Reply.Done(text);
            case "error" -> new Reply.Failed(text);
            default -> new Reply.Failed("unexpected answer from the launcher: " + line);
        };
    }
}

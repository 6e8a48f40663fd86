package io.voidvm.nodeagent.volume;

/** Bearer tokens the agent presents to platform services; {@link PlatformTokens} is the real one. */
@FunctionalInterface
public interface AccessTokens {

    /** A valid access token (cached until shortly before it expires). */
    String token();
}

package io.esledger.application;

/**
 * Who sends a command and in which conversation. {@code commandId} makes a retry safe: the same
 * command id on the same payment returns the first result instead of storing anything again.
 */
public record CommandContext(
    String commandId, String correlationId, String causationId, String organizationId, String userId) {}

/**
 * Application layer: command handlers and queries that load aggregates from the event store, let
 * them decide, and append what they decided. May use jakarta.inject; nothing else from a framework.
 */
package io.esledger.application;

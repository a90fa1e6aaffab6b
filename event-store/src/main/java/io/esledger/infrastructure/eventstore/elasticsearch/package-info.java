/**
 * The event store on Elasticsearch. One document per event, {@code _id = streamId:version}, written
 * with {@code op_type=create} and routed by stream: the create is the optimistic-concurrency guard.
 * Streams are read by id with multi-get (real-time), never by search (near-real-time). See
 * docs/event-store.md for the commit protocol.
 */
package io.esledger.infrastructure.eventstore.elasticsearch;

/**
 * The public view of the event index for readers outside the event store: index name, field
 * names, and documents read as events. The only part of the store analytics may import.
 */
package io.esledger.infrastructure.eventstore.view;

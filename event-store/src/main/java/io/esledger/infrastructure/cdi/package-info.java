/** Wires the infrastructure into CDI: configuration, the Elasticsearch client, the store, the event bus. */
package io.esledger.infrastructure.cdi;

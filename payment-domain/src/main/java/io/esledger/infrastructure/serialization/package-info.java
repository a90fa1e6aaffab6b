/** Stored form of domain events: JSON-B, with a stable stored type name per event. */
package io.esledger.infrastructure.serialization;

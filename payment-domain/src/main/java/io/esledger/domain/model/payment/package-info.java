/**
 * The payment aggregate, its commands, events and value objects. Plain Java: no framework imports
 * (no CDI, JSON-B, Elasticsearch or GraphQL types), checked by DomainIsFrameworkFreeTest.
 */
package io.esledger.domain.model.payment;

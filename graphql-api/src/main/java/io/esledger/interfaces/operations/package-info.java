/**
 * What operators see of a running instance: health probes (MicroProfile Health), metrics for
 * Prometheus (MicroProfile Metrics), request ids in the log. Nothing here is reached through GraphQL
 * and nothing here blocks on Elasticsearch: probes read what a background sampler last saw.
 */
package io.esledger.interfaces.operations;

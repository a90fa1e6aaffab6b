/**
 * Stable error codes. Every GraphQL error leaves with {@code extensions.code}: resolver refusals and
 * failures through {@link io.esledger.interfaces.graphql.errors.ApiException} subclasses (mapped in
 * one place, {@link io.esledger.interfaces.graphql.errors.Errors}), everything raised before a
 * resolver runs (syntax, unknown fields, wrong argument types) through
 * {@link io.esledger.interfaces.graphql.errors.ErrorCodeFilter}.
 */
package io.esledger.interfaces.graphql.errors;

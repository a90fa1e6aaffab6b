/**
 * The GraphQL interface: thin {@code @GraphQLApi} classes that turn inputs into commands and
 * queries, and results into view types. Input and output types are separate classes.
 */
package io.esledger.interfaces.graphql;

package io.esledger.interfaces.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

@Type("EventMetadata")
public record EventMetadataView(@Id String organizationId, @Id String userId, @Id String commandId) {}

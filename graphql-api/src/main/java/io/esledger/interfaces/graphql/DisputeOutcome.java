package io.esledger.interfaces.graphql;

import org.eclipse.microprofile.graphql.Enum;

/** How a dispute ended: for the merchant, or for the payer. */
@Enum("DisputeOutcome")
public enum DisputeOutcome {
  WON, LOST
}

package io.esledger.analytics.search;

import static io.esledger.infrastructure.eventstore.view.EventFields.METADATA;
import static io.esledger.infrastructure.eventstore.view.EventFields.ORGANIZATION_ID;
import static io.esledger.infrastructure.eventstore.view.EventFields.USER_ID;

/** Field paths the query side uses beyond {@code EventFields}' top-level names. */
final class SearchFields {

  /**
   * Full-text field (standard analyzer) filled by {@code copy_to} in event-mappings.json: every
   * string in {@code eventData}, plus aggregateId, correlationId, causationId and metadata ids.
   */
  static final String SEARCH_TEXT = "searchText";
  static final String ORGANIZATION = METADATA + "." + ORGANIZATION_ID;
  static final String USER = METADATA + "." + USER_ID;

  private SearchFields() {}
}

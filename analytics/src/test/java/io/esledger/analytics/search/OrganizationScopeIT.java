package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.RecordedEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query answers for one organization: interleaved events of two organizations, sharing a
 * correlation id and words in their data, and each query asked as org-a, even with a filter that
 * names org-b, finds nothing of org-b.
 */
class OrganizationScopeIT extends SearchNodeSupport {

  private static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-03-02T23:59:59Z");

  @BeforeEach
  void interleaved() throws Exception {
    for (int i = 0; i < 6; i++) {
      String org = i % 2 == 0 ? "org-a" : "org-b";
      given("Payment", "p-" + i, event("PaymentProcessed", "2026-03-02T1" + i + ":00:00Z").by(org, "user-" + org)
          .correlatedBy("corr-shared").data("{\"note\":\"shared words\"}"));
    }
    refresh();
  }

  @Test
  void searches_lists_and_traces_hold_only_the_callers_events() {
    EventFilter foreign = new EventFilter(null, null, null, null, null, "org-b", null);

    assertThat(orgs(search.search("org-a", EventFilter.none(), PageRequest.first()).items())).containsOnly("org-a")
        .hasSize(3);
    assertThat(search.search("org-a", foreign, PageRequest.first()).items()).isEmpty();
    assertThat(orgs(search.byType("org-a", "PaymentProcessed", null, null))).containsOnly("org-a").hasSize(3);
    assertThat(orgs(search.searchData("org-a", "shared words", EventFilter.none()))).containsOnly("org-a").hasSize(3);
    assertThat(search.searchData("org-a", "shared", foreign)).isEmpty();
    assertThat(orgs(search.correlations("org-a", "corr-shared"))).containsOnly("org-a").hasSize(3);
    assertThat(search.correlations(ALL, "corr-shared")).as("an operator sees every organization").hasSize(6);
  }

  @Test
  void figures_count_only_the_callers_events() {
    EventStatistics statistics = search.statistics("org-a", "PaymentProcessed", FROM, TO, ZoneOffset.UTC);
    assertThat(statistics.total()).isEqualTo(3);
    assertThat(statistics.byOrganization()).extracting(TermBucket::key).containsExactly("org-a");
    assertThat(statistics.byUser()).extracting(TermBucket::key).containsExactly("user-org-a");

    long trend = search.trends("org-a", "PaymentProcessed", FROM, TO, TimeInterval.DAY, ZoneOffset.UTC).stream()
        .mapToLong(DateBucket::count).sum();
    assertThat(trend).isEqualTo(3);
    long heat = search.heatmap("org-a", "PaymentProcessed", FROM, TO, ZoneOffset.UTC).byHour().stream()
        .mapToLong(DateBucket::count).sum();
    assertThat(heat).isEqualTo(3);
    assertThat(search.statistics(ALL, "PaymentProcessed", FROM, TO, ZoneOffset.UTC).total()).isEqualTo(6);
  }

  private static List<String> orgs(List<RecordedEvent> events) {
    return events.stream().map(e -> e.metadata().organizationId()).toList();
  }
}

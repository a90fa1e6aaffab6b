package io.esledger.interfaces.graphql;

import io.esledger.analytics.search.PageRequest;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PageInput")
@Description("offset from 0; size 1..100; offset + size at most 10000")
public record PageInput(@DefaultValue("0") Integer offset, @DefaultValue("20") Integer size) {

  /** @throws io.esledger.analytics.search.QueryRefusedException for a size or window out of bounds */
  static PageRequest toRequest(PageInput page) {
    if (page == null) {
      return PageRequest.first();
    }
    return new PageRequest(page.offset == null ? 0 : page.offset,
        page.size == null ? PageRequest.DEFAULT_SIZE : page.size);
  }
}

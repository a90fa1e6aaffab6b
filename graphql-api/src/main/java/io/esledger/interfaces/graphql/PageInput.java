package io.esledger.interfaces.graphql;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PageInput")
@Description("offset from 0; size 1..100; offset + size at most 10000")
public record PageInput(@DefaultValue("0") Integer offset, @DefaultValue("20") Integer size) {

  static final int DEFAULT_SIZE = 20;

  int offsetOrDefault() {
    return offset == null ? 0 : offset;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }
}

package io.esledger.interfaces.graphql;

import io.esledger.interfaces.graphql.errors.ValidationFailedException;

/** A checked page request: size 1..{@value #MAX_SIZE}, offset + size within {@value #MAX_WINDOW}. */
record Paging(int offset, int size) {

  static final int MAX_SIZE = 100;
  static final int MAX_WINDOW = 10_000;

  static Paging of(PageInput page) throws ValidationFailedException {
    int offset = page == null ? 0 : page.offsetOrDefault();
    int size = page == null ? PageInput.DEFAULT_SIZE : page.sizeOrDefault();
    if (offset < 0) {
      throw new ValidationFailedException("page.offset", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new ValidationFailedException("page.size", "must be between 1 and " + MAX_SIZE);
    }
    if (offset + size > MAX_WINDOW) {
      throw new ValidationFailedException("page.offset", "offset + size must be at most " + MAX_WINDOW);
    }
    return new Paging(offset, size);
  }
}

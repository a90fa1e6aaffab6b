package io.esledger.infrastructure.elasticsearch;

/**
 * Carries what is bound to a caller's thread (a trace context) to the thread that does work on its
 * behalf — group commit sends a caller's append from a writer thread. The store knows no tracing
 * library: whoever traces installs one. {@link #NONE} carries nothing.
 */
public interface CallerContext {

  CallerContext NONE = new CallerContext() {
    @Override
    public Object capture() {
      return null;
    }

    @Override
    public Restored restore(Object captured) {
      return () -> {};
    }
  };

  /** What is bound to the calling thread now. */
  Object capture();

  /** Binds {@code captured} to the current thread until the result is closed. */
  Restored restore(Object captured);

  /** A binding to undo. */
  interface Restored extends AutoCloseable {
    @Override
    void close();
  }
}

package io.esledger.interfaces.graphql.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A request whose body (of undeclared length) fails to read past a limit. */
final class BoundedRequest extends HttpServletRequestWrapper {

  /** Reading the body went past the limit; answered as 413 {@code REQUEST_TOO_LARGE}. */
  public static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private ServletInputStream stream;

  BoundedRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      ServletInputStream body = super.getInputStream();
      stream = new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = body.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = body.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) throws TooLargeException {
          read += n;
          if (read > limit) {
            throw new TooLargeException(limit);
          }
        }

        @Override
        public boolean isFinished() {
          return body.isFinished();
        }

        @Override
        public boolean isReady() {
          return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          body.setReadListener(listener);
        }
      };
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding();
    return new BufferedReader(new InputStreamReader(getInputStream(),
        encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
  }
}

package io.esledger.analytics.consistency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret consistency tokens are signed with (HMAC-SHA256). Every instance that shares it
 * honours the others' tokens; a token it did not sign is refused before anything waits on it.
 */
public final class TokenKey {

  static final int MIN_LENGTH = 16;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec secret;
  /** One initialized MAC per thread: looking the algorithm up for every receipt costs more than signing. */
  private final ThreadLocal<Mac> macs;

  private TokenKey(byte[] secret) {
    this.secret = new SecretKeySpec(secret, ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** A configured key: at least {@value #MIN_LENGTH} characters. */
  public static TokenKey of(String configured) {
    if (configured == null || configured.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("a consistency token key needs at least " + MIN_LENGTH + " characters");
    }
    return new TokenKey(configured.getBytes(StandardCharsets.UTF_8));
  }

  /** A key of this process alone (its tokens are honoured by no other instance). */
  public static TokenKey random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new TokenKey(bytes);
  }

  String sign(String text) {
    // doFinal resets the MAC for the next use
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  boolean verifies(String text, String signature) {
    return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}

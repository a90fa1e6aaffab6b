package io.esledger.bench;

import io.esledger.devtools.DevTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for the drivers, signed with the development key pair the app under test trusts
 * (the directory in {@code LEDGER_DEV_KEYS_DIR}, which ./run.sh also uses). Each organization's
 * token may read, write and operate: writes land in that organization, reads may span all.
 */
final class Tokens {

  private static final Map<String, String> BY_ORGANIZATION = new ConcurrentHashMap<>();
  private static DevTokens signer;

  private Tokens() {}

  private static final Map<String, String> CALLERS = new ConcurrentHashMap<>();

  /** A caller of one organization who may read and write there, and nothing more (no operator role). */
  static String caller(String organization) {
    return CALLERS.computeIfAbsent(organization, org -> signer().token(org, "bench",
        List.of("payments:read", "payments:write"), Duration.ofHours(6)));
  }

  static String forOrganization(String organization) {
    return BY_ORGANIZATION.computeIfAbsent(organization, org -> signer().token(org, "bench",
        List.of("payments:read", "payments:write", "ledger:operator"), Duration.ofHours(6)));
  }

  private static synchronized DevTokens signer() {
    if (signer == null) {
      String dir = System.getenv("LEDGER_DEV_KEYS_DIR");
      if (dir == null || dir.isBlank()) {
        throw new Http.BenchException("LEDGER_DEV_KEYS_DIR is not set: the drivers sign their tokens with the key "
            + "pair of the app under test");
      }
      try {
        signer = DevTokens.in(Path.of(dir));
      } catch (Exception e) {
        throw new Http.BenchException("cannot read the signing key in " + dir + ": " + e, e);
      }
    }
    return signer;
  }
}

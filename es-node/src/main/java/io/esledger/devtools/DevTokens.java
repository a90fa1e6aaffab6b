package io.esledger.devtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Development signing keys and tokens, so a newcomer (and the tests) can call the ledger without an
 * identity provider. {@code keys --dir D} creates an RSA key pair once ({@code D/private.pem},
 * {@code D/public.pem}); {@code token --dir D --org O --sub S --roles r1,r2} prints an RS256 JWT
 * the ledger accepts when its {@code mp.jwt.verify.publickey.location} is {@code D/public.pem} and
 * its issuer is {@link #ISSUER}. Production tokens come from a real identity provider instead.
 */
public final class DevTokens {

  /** The issuer of development tokens (the ledger's default {@code mp.jwt.verify.issuer}). */
  public static final String ISSUER = "https://ledger.dev.local";
  /** The audience development tokens are for; the server expects it unless mp.jwt.verify.audiences says otherwise. */
  public static final String AUDIENCE = "ledger";

  private final PrivateKey key;

  private DevTokens(PrivateKey key) {
    this.key = key;
  }

  /** Signs with the private key of {@code dir}, creating the pair first if there is none. */
  public static DevTokens in(Path dir) throws IOException, GeneralSecurityException {
    createKeys(dir);
    String pem = Files.readString(dir.resolve("private.pem"), StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64);
    return new DevTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
  }

  /** Creates {@code dir/private.pem} (owner-only) and {@code dir/public.pem} unless they exist. */
  public static boolean createKeys(Path dir) throws IOException, GeneralSecurityException {
    Path privatePem = dir.resolve("private.pem");
    Path publicPem = dir.resolve("public.pem");
    if (Files.exists(privatePem) && Files.exists(publicPem)) {
      return false;
    }
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path temporary = Files.createTempFile(dir, "private", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // the file system has no owner-only mode: the directory's permissions apply
    }
    Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    Files.move(temporary, privatePem, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    return true;
  }

  /** A signed token for a subject of an organization with these roles, valid for {@code lifetime}. */
  public String token(String organization, String subject, List<String> roles, Duration lifetime) {
    return signed(claims(organization, subject, roles, lifetime));
  }

  /** The claims {@link #token} signs, for tests that change one of them before signing. */
  public Map<String, Object> claims(String organization, String subject, List<String> roles, Duration lifetime) {
    Instant now = Instant.now();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", subject);
    claims.put("upn", subject);
    claims.put("org", organization);
    claims.put("groups", roles);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    return claims;
  }

  /** Signs any claims (tests use it for expired, foreign-issuer or claim-less tokens). */
  public String signed(Map<String, Object> claims) {
    String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String body = base64Url(json(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
      return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a development token", e);
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static String json(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> members = new ArrayList<>();
      map.forEach((k, v) -> members.add(json(k) + ":" + json(v)));
      return "{" + String.join(",", members) + "}";
    }
    if (value instanceof List<?> list) {
      return "[" + String.join(",", list.stream().map(DevTokens::json).toList()) + "]";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : String.valueOf(value).toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code keys --dir D} or {@code token --dir D [--org org-1] [--sub user-1]
   * [--roles payments:read,payments:write] [--hours 12]}.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String command = args.length == 0 ? "" : args[0];
    Path dir = Path.of(options.getOrDefault("dir", "data/dev-keys"));
    switch (command) {
      case "keys" -> System.out.println(createKeys(dir)
          ? "created development keys in " + dir : "development keys already in " + dir);
      case "token" -> {
        List<String> roles = List.of(options.getOrDefault("roles", "payments:read,payments:write").split(","));
        Duration lifetime = Duration.ofHours(Long.parseLong(options.getOrDefault("hours", "12")));
        System.out.println(in(dir).token(options.getOrDefault("org", "org-1"), options.getOrDefault("sub", "user-1"),
            roles, lifetime));
      }
      default -> {
        System.err.println("usage: DevTokens keys --dir D | token --dir D [--org O] [--sub S] [--roles a,b] "
            + "[--hours H]");
        System.exit(2);
      }
    }
  }
}

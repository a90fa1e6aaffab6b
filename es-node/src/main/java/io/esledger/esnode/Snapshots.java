package io.esledger.esnode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups of the ledger's indices with Elasticsearch's own snapshots (JDK only, plain REST).
 *
 * <pre>
 * snapshot --url URL [--prefix ledger-] [--repository ledger-backups] [--location DIR] [--name NAME]
 * restore  --url URL --name NAME [--prefix ledger-] [--repository ledger-backups] [--location DIR]
 * list     --url URL [--repository ledger-backups] [--location DIR]
 * </pre>
 *
 * With {@code --location}, the repository is registered as a filesystem repository at that path
 * (it must lie under the node's {@code path.repo}); without it, the repository must already exist
 * (any type: S3, GCS, Azure, shared filesystem — registered on your cluster). A snapshot holds every
 * index whose name starts with the prefix (events, read model, checkpoints, leases, parked events)
 * and their aliases. A restore first deletes those indices: stop every app instance before it.
 * Credentials: {@code LEDGER_ELASTICSEARCH_API_KEY}, or {@code LEDGER_ELASTICSEARCH_USERNAME} and
 * {@code LEDGER_ELASTICSEARCH_PASSWORD}, from the environment.
 */
public final class Snapshots {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

  private final String url;
  private final String prefix;
  private final String repository;
  private final String location;

  public Snapshots(String url, String prefix, String repository, String location) {
    this.url = url.replaceAll("/+$", "");
    this.prefix = prefix;
    this.repository = repository;
    this.location = location;
    if (!NAME.matcher(prefix.replaceAll("-$", "")).matches() || !NAME.matcher(repository).matches()) {
      throw new IllegalArgumentException("prefix and repository: lower-case letters, digits, '.', '_', '-'");
    }
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: Snapshots snapshot|restore|list --url URL [--name NAME] [--prefix P] "
          + "[--repository R] [--location DIR]");
      System.exit(2);
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    try {
      Snapshots snapshots = new Snapshots(required(options, "url"), options.getOrDefault("prefix", "ledger-"),
          options.getOrDefault("repository", "ledger-backups"), options.get("location"));
      switch (args[0]) {
        case "snapshot" -> {
          String name = options.getOrDefault("name",
              "ledger-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
          System.out.println(snapshots.snapshot(name));
        }
        case "restore" -> System.out.println(snapshots.restore(required(options, "name")));
        case "list" -> System.out.println(snapshots.list());
        default -> throw new IllegalArgumentException("unknown command: " + args[0]);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("snapshots: " + e.getMessage());
      System.exit(1);
    } catch (IOException e) {
      System.err.println("snapshots: Elasticsearch at " + options.get("url") + " did not answer: " + e);
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** Takes a snapshot of the ledger's indices and waits for it; returns a one-line summary. */
  public String snapshot(String name) throws IOException, InterruptedException {
    checkName(name);
    ensureRepository();
    String body = "{\"indices\":\"" + prefix + "*\",\"include_global_state\":false,\"ignore_unavailable\":true,"
        + "\"metadata\":{\"taken_by\":\"es-ledger\"}}";
    String answer = send("PUT", "/_snapshot/" + repository + "/" + name + "?wait_for_completion=true", body);
    String state = field(answer, "state");
    if (!"SUCCESS".equals(state)) {
      throw new IllegalStateException("snapshot " + name + " ended " + state + ": " + answer);
    }
    return "snapshot " + name + " in repository " + repository + ": " + field(answer, "successful") + " shard(s), "
        + "indices " + indices(answer);
  }

  /**
   * Deletes the ledger's indices and restores them (and their aliases) from the snapshot; waits for
   * it. Stop every app instance first where you can; one still running notices the new indices (a
   * new log: it starts over from the restored state), and an index it creates again between the
   * delete and the restore is deleted again.
   */
  public String restore(String name) throws IOException, InterruptedException {
    checkName(name);
    ensureRepository();
    String described = send("GET", "/_snapshot/" + repository + "/" + name, null);
    String body = "{\"indices\":\"" + prefix + "*\",\"include_global_state\":false,\"include_aliases\":true}";
    String present = "";
    String answer = null;
    // an app instance still running may create an index again between the delete and the restore
    // (it notices the index gone and prepares it): delete again and retry a few times
    for (int attempt = 1; answer == null; attempt++) {
      String now = send("GET", "/_cat/indices/" + prefix + "*?h=index&expand_wildcards=all", null).trim();
      if (!now.isEmpty()) {
        present = present.isEmpty() ? now : present;
        send("DELETE", "/" + String.join(",", now.split("\\s+")) + "?expand_wildcards=all", null);
      }
      try {
        answer = send("POST", "/_snapshot/" + repository + "/" + name + "/_restore?wait_for_completion=true", body);
      } catch (IllegalStateException e) {
        if (attempt >= 5 || !String.valueOf(e.getMessage()).contains("already exists")) {
          throw e;
        }
      }
    }
    String failed = field(answer, "failed");
    if (failed != null && !"0".equals(failed)) {
      throw new IllegalStateException("restore of " + name + " failed for " + failed + " shard(s): " + answer);
    }
    send("GET", "/_cluster/health/" + prefix + "*?wait_for_status=yellow&timeout=60s", null);
    return "restored " + name + " from repository " + repository + ": indices " + indices(described)
        + (present.isEmpty() ? "" : " (deleted first: " + present.replaceAll("\\s+", " ") + ")");
  }

  /** The repository's snapshots, one per line: name, state, start time, indices. */
  public String list() throws IOException, InterruptedException {
    ensureRepository();
    return send("GET", "/_cat/snapshots/" + repository + "?h=id,status,start_epoch,indices&s=start_epoch&v", null);
  }

  private void ensureRepository() throws IOException, InterruptedException {
    if (location != null) {
      String settings = "{\"type\":\"fs\",\"settings\":{\"location\":\"" + location.replace("\\", "\\\\")
          .replace("\"", "\\\"") + "\"}}";
      send("PUT", "/_snapshot/" + repository, settings);
    } else {
      send("GET", "/_snapshot/" + repository, null); // must exist: registered on the cluster
    }
  }

  private String send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofMinutes(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    String apiKey = System.getenv("LEDGER_ELASTICSEARCH_API_KEY");
    String user = System.getenv("LEDGER_ELASTICSEARCH_USERNAME");
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "ApiKey " + (apiKey.contains(":")
          ? Base64.getEncoder().encodeToString(apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : apiKey));
    } else if (user != null && !user.isBlank()) {
      String password = System.getenv().getOrDefault("LEDGER_ELASTICSEARCH_PASSWORD", "");
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path.replaceAll("\\?.*", "") + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a snapshot name has lower-case letters, digits, '.', '_' and '-' only");
    }
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static String indices(String json) {
    Matcher m = Pattern.compile("\"indices\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
    return m.find() ? m.group(1).replace("\"", "") : "?";
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}

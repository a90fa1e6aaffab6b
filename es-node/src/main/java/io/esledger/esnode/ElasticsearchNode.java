package io.esledger.esnode;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Command line of the development/test Elasticsearch node.
 *
 * <pre>
 * start --home DIR --data DIR --http-port N --transport-port N [--cluster-name NAME] [--node-name NAME]
 *       [--pid-file FILE] [--fresh-data] [-Ekey=value ...]
 * await --url http://127.0.0.1:N [--timeout-seconds 90]
 * stop  --pid-file FILE [--timeout-seconds 30]
 * </pre>
 *
 * This class only uses the JDK: {@code await} and {@code stop} never load Elasticsearch classes.
 */
public final class ElasticsearchNode {

    static final String MARKER = "ElasticsearchNode";

    private ElasticsearchNode() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("missing command");
        }
        Options options = Options.parse(args);
        int exit;
        try {
            exit = switch (args[0]) {
                case "start" -> {
                    NodeRunner.start(options); // returns only on failure
                    yield 1;
                }
                case "await" -> await(options);
                case "stop" -> stop(options);
                default -> {
                    usage("unknown command: " + args[0]);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            exit = 2;
        } catch (Exception e) {
            System.err.println("es-node " + args[0] + " failed: " + e);
            exit = 1;
        }
        System.exit(exit);
    }

    // ---------------------------------------------------------------------------------------------------------- await

    static int await(Options options) throws InterruptedException {
        String base = options.required("url").replaceAll("/+$", "");
        long timeoutSeconds = options.longValue("timeout-seconds", 90);
        URI health = URI.create(base + "/_cluster/health?wait_for_status=yellow&timeout=2s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no answer";
        while (true) {
            try {
                HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(10_000);
                int status = connection.getResponseCode();
                String body = new String(
                    (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8
                );
                connection.disconnect();
                if (status == 200) {
                    System.out.println("Elasticsearch at " + base + " is ready: " + body);
                    return 0;
                }
                last = "HTTP " + status + " " + body;
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                System.err.println("Elasticsearch at " + base + " not ready after " + timeoutSeconds + " s (last: " + last + ")");
                return 1;
            }
            Thread.sleep(250);
        }
    }

    // ----------------------------------------------------------------------------------------------------------- stop

    static int stop(Options options) throws IOException, InterruptedException {
        Path pidFile = Path.of(options.required("pid-file"));
        long timeoutSeconds = options.longValue("timeout-seconds", 30);
        Optional<ProcessHandle> node = runningNode(pidFile);
        if (node.isEmpty()) {
            Files.deleteIfExists(pidFile);
            System.out.println("No Elasticsearch node running for " + pidFile);
            return 0;
        }
        ProcessHandle process = node.get();
        long start = System.nanoTime();
        process.destroy(); // SIGTERM: the node closes itself and exits 0
        try {
            process.onExit().get(timeoutSeconds, TimeUnit.SECONDS);
            System.out.printf("Elasticsearch node (pid %d) stopped in %d ms%n", process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (TimeoutException e) {
            System.err.printf("Elasticsearch node (pid %d) still running after %d s: killing it%n", process.pid(), timeoutSeconds);
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported below by the return code
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        Files.deleteIfExists(pidFile);
        return process.isAlive() ? 1 : 0;
    }

    /** The live node process recorded in a pid file, if any (a recycled pid of another program is ignored). */
    static Optional<ProcessHandle> runningNode(Path pidFile) throws IOException {
        if (Files.exists(pidFile) == false) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(ElasticsearchNode::isNodeProcess);
    }

    /**
     * Whether a process runs this class. {@code ProcessHandle.Info.commandLine()} is cut at 4096 characters on Linux,
     * before the main class when the class path is long, so /proc is read when it is there.
     */
    private static boolean isNodeProcess(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(MARKER);
            }
        } catch (IOException e) {
            // fall through
        }
        return process.info().commandLine().map(c -> c.contains(MARKER) || c.length() >= 4096).orElse(true);
    }

    // -------------------------------------------------------------------------------------------------------- options

    private static void usage(String problem) {
        System.err.println("es-node: " + problem);
        System.err.println("""
            usage:
              start --home DIR --data DIR --http-port N --transport-port N [--cluster-name NAME] [--node-name NAME]
                    [--pid-file FILE] [--fresh-data] [-Ekey=value ...]
              await --url http://127.0.0.1:N [--timeout-seconds 90]
              stop  --pid-file FILE [--timeout-seconds 30]""");
        System.exit(2);
    }

    /** {@code --name value} pairs, {@code --flag} switches and {@code -Ekey=value} settings after the command. */
    record Options(Map<String, String> values, Map<String, String> settings) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> settings = new LinkedHashMap<>();
            List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                if (arg.startsWith("-E") && arg.indexOf('=') > 2) {
                    settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--") && i + 1 < rest.size() && rest.get(i + 1).startsWith("-") == false) {
                    values.put(arg.substring(2), rest.get(++i));
                } else if (arg.startsWith("--")) {
                    values.put(arg.substring(2), "true");
                } else {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
            }
            return new Options(values, settings);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return value;
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(values.getOrDefault(name, "false"));
        }

        int port(String name) {
            int port = Integer.parseInt(required(name));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--" + name + " out of range: " + port);
            }
            return port;
        }

        long longValue(String name, long fallback) {
            return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
        }
    }
}

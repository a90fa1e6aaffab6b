package io.esledger.esnode;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.LayoutComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.elasticsearch.common.logging.HeaderWarningAppender;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** {@code start}: runs one Elasticsearch node in this JVM until SIGTERM / Ctrl-C. */
final class NodeRunner {

    /** What a data folder written by Elasticsearch may contain; anything else stops --fresh-data from deleting it. */
    private static final Set<String> DATA_ENTRIES = Set.of("node.lock", "_state", "indices", "nodes", "snapshot_cache");

    private static final AtomicReference<Node> NODE = new AtomicReference<>();
    private static volatile boolean stopping;

    private NodeRunner() {}

    static void start(ElasticsearchNode.Options options) throws Exception {
        Path home = Path.of(options.required("home")).toAbsolutePath().normalize();
        Path data = Path.of(options.required("data")).toAbsolutePath().normalize();
        int httpPort = options.port("http-port");
        int transportPort = options.port("transport-port");
        String clusterName = options.get("cluster-name", "es-ledger");
        String nodeName = options.get("node-name", "es-node");
        Path pidFile = options.values().containsKey("pid-file") ? Path.of(options.required("pid-file")).toAbsolutePath() : null;

        if (pidFile != null) {
            stopStaleNode(pidFile);
        }
        if (options.flag("fresh-data")) {
            deleteDataFolder(data);
        }
        Path logs = home.resolve("logs");
        Path tmp = home.resolve("tmp");
        Files.createDirectories(logs);
        Files.createDirectories(tmp);
        Files.createDirectories(data);

        // before any log4j / netty / JNA class is loaded; -D on the command line wins
        System.setProperty("log4j.shutdownHookEnabled", "false");
        setIfAbsent("log4j2.disable.jmx", "true");
        setIfAbsent("io.netty.noUnsafe", "true");
        setIfAbsent("io.netty.noKeySetOptimization", "true");
        setIfAbsent("io.netty.recycler.maxCapacityPerThread", "0");
        setIfAbsent("jna.nosys", "true");
        setIfAbsent("jna.tmpdir", tmp.toString());

        Path logFile = logs.resolve(clusterName + ".log");
        configureLogging(logFile);
        LogConfigurator.configureESLogging();
        LogConfigurator.setClusterName(clusterName);
        LogConfigurator.setNodeName(nodeName);
        Logger log = LogManager.getLogger(NodeRunner.class);

        Settings.Builder settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // snapshots (./run.sh backup) go to a filesystem repository next to the data directory
            .put("path.repo", data.toAbsolutePath().getParent().resolve("snapshots").toString());
        options.settings().forEach(settings::put);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings.build(), Map.of(), null, () -> nodeName);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(pidFile, log), "es-node-shutdown"));
        try {
            Node node = ClasspathNode.create(environment, List.of(Netty4Plugin.class, RootInfoPlugin.class));
            NODE.set(node);
            if (stopping) {
                new CountDownLatch(1).await(); // SIGTERM came during construction: the shutdown hook halts the JVM
            }
            node.start();
            int boundPort = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
            if (pidFile != null) {
                writePidFile(pidFile);
            }
            long took = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            log.info("es-node ready on http://127.0.0.1:{} (transport {}), {} ms after JVM start; data [{}], log [{}]",
                boundPort, transportPort, took, data, logFile);
            System.out.println("Elasticsearch ready on http://127.0.0.1:" + boundPort);
            System.out.flush();
        } catch (Throwable t) {
            if (stopping) {
                new CountDownLatch(1).await(); // the shutdown hook halts the JVM
            }
            log.error("es-node failed to start", t);
            System.err.println("Elasticsearch failed to start: " + t + " (see " + logFile + ")");
            Node node = NODE.getAndSet(null);
            try {
                if (node != null) {
                    node.close();
                }
            } catch (Throwable ignored) {
                // already failing
            }
            LogManager.shutdown();
            Runtime.getRuntime().halt(1);
        }
        new CountDownLatch(1).await(); // run until SIGTERM / Ctrl-C
    }

    /** Shutdown hook: close the node, remove the pid file, flush logs, and exit 0 (not 143) so callers see success. */
    private static void shutdown(Path pidFile, Logger log) {
        stopping = true;
        Node node = NODE.getAndSet(null);
        int status = 0;
        try {
            if (node != null) {
                log.info("es-node stopping");
                node.prepareForClose();
                node.close();
                if (node.awaitClose(20, TimeUnit.SECONDS) == false) {
                    log.warn("es-node did not close within 20 s");
                }
                log.info("es-node stopped");
            }
        } catch (Throwable t) {
            log.error("es-node failed to stop cleanly", t);
            status = 1;
        }
        try {
            if (pidFile != null) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException ignored) {
            // best effort
        }
        LogManager.shutdown();
        Runtime.getRuntime().halt(status);
    }

    private static void stopStaleNode(Path pidFile) throws IOException, InterruptedException {
        if (ElasticsearchNode.runningNode(pidFile).isPresent()) {
            System.out.println("Stopping the node left running from " + pidFile);
            ElasticsearchNode.stop(ElasticsearchNode.Options.parse(new String[] { "stop", "--pid-file", pidFile.toString() }));
        }
    }

    /** Deletes a data folder, refusing anything that does not look like one Elasticsearch wrote. */
    private static void deleteDataFolder(Path data) throws IOException {
        if (Files.isDirectory(data) == false) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString()).filter(n -> DATA_ENTRIES.contains(n) == false).toList();
            if (foreign.isEmpty() == false) {
                throw new IllegalStateException("--fresh-data: " + data + " has entries Elasticsearch did not write " + foreign
                    + "; not deleting it");
            }
        }
        try (Stream<Path> tree = Files.walk(data)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void writePidFile(Path pidFile) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
        Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Everything to the log file; errors also to stderr; deprecations also to the HTTP Warning header. */
    private static void configureLogging(Path logFile) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("es-node");
        b.setStatusLevel(Level.ERROR);
        b.setShutdownHook("disable");
        LayoutComponentBuilder pattern = b.newLayout("PatternLayout").addAttribute("pattern", "[%d{ISO8601}][%-5p][%c{1.}] [%t] %m%n");
        b.add(b.newAppender("file", "File")
            .addAttribute("fileName", logFile.toString())
            .addAttribute("append", true)
            .add(pattern));
        b.add(b.newAppender("stderr", "Console")
            .addAttribute("target", "SYSTEM_ERR")
            .add(pattern)
            .add(b.newFilter("ThresholdFilter", Filter.Result.ACCEPT, Filter.Result.DENY).addAttribute("level", Level.ERROR)));
        b.add(b.newLogger("org.elasticsearch.deprecation", Level.WARN).add(b.newAppenderRef("file")).addAttribute("additivity", false));
        b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("file")).add(b.newAppenderRef("stderr")));
        LoggerContext context = Configurator.initialize(b.build());
        // ES's appender that turns deprecation log lines into HTTP "Warning" headers; its log4j plugin entry is
        // not found from the class path, so it is added by hand
        Appender headerWarning = HeaderWarningAppender.createAppender("header_warning", null);
        headerWarning.start();
        Configuration configuration = context.getConfiguration();
        configuration.addAppender(headerWarning);
        configuration.getLoggerConfig("org.elasticsearch.deprecation").addAppender(headerWarning, null, null);
        context.updateLoggers();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

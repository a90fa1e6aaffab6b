package io.esledger.interfaces.graphql;

import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.schema.SchemaBuilder;
import io.smallrye.graphql.servlet.SchemaServlet;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.jandex.Indexer;

/**
 * Builds the GraphQL schema when the web module starts, in place of SmallRye GraphQL's own start-up
 * listener (whose jar web.xml keeps out of annotation scanning). It indexes the same classes —
 * the module's own and those of its libraries — but reads them through the servlet context rather
 * than from folders on disk, so it works however the module is deployed: a packaged EAR (what
 * {@code ./run.sh} and the tests deploy) or a loose one (Open Liberty's dev mode), where the
 * container has no real path for {@code WEB-INF/classes} to give.
 */
public class GraphQLBootstrap implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(GraphQLBootstrap.class.getName());
  private static final String CLASSES = "/WEB-INF/classes/";
  private static final String LIBRARIES = "/WEB-INF/lib/";

  @Inject GraphQLProducer producer;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    long started = System.nanoTime();
    Indexer indexer = new Indexer();
    int classes = indexFolder(context, CLASSES, indexer);
    int libraries = 0;
    for (String path : paths(context, LIBRARIES)) {
      if (path.endsWith(".jar")) {
        classes += indexJar(context, path, indexer);
        libraries++;
      }
    }
    GraphQLSchema schema = producer.initialize(SchemaBuilder.build(indexer.complete()), true);
    context.setAttribute(SchemaServlet.SCHEMA_PROP, schema);
    LOG.info(
        String.format(
            "GraphQL schema built from %d classes (the module's own and %d libraries) in %d ms",
            classes, libraries, (System.nanoTime() - started) / 1_000_000));
  }

  private static Set<String> paths(ServletContext context, String folder) {
    Set<String> paths = context.getResourcePaths(folder);
    return paths == null ? Set.of() : new TreeSet<>(paths);
  }

  private static int indexFolder(ServletContext context, String folder, Indexer indexer) {
    int count = 0;
    for (String path : paths(context, folder)) {
      if (path.endsWith("/")) {
        count += indexFolder(context, path, indexer);
      } else if (path.endsWith(".class")) {
        try (InputStream in = context.getResourceAsStream(path)) {
          indexer.index(in);
          count++;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot index " + path, e);
        }
      }
    }
    return count;
  }

  private static int indexJar(ServletContext context, String path, Indexer indexer) {
    int count = 0;
    try (InputStream in = context.getResourceAsStream(path);
        ZipInputStream jar = new ZipInputStream(in)) {
      for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
        if (entry.getName().endsWith(".class")) {
          indexer.index(jar);
          count++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + path, e);
    }
    return count;
  }
}

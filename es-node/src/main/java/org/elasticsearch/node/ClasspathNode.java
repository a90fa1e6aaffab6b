package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;
import java.util.List;

/**
 * Builds a {@link Node} whose plugins are class path classes. {@code NodeConstruction}, {@code NodeServiceProvider}
 * and {@code Node(NodeConstruction)} are package-private, hence this class in {@code org.elasticsearch.node}.
 */
public final class ClasspathNode {

    private ClasspathNode() {}

    public static Node create(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        List<Class<? extends Plugin>> pluginClasses = List.copyOf(plugins);
        NodeServiceProvider services = new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader ignored) {
                return new ClasspathPluginsService(env.settings(), env, pluginClasses);
            }
        };
        return new Node(NodeConstruction.prepareConstruction(environment, ClasspathPluginsService.emptyLoader(), services, true));
    }
}

package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.spi.SPIClassIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PluginsService} whose plugins are classes already on the application class path (no plugin bundles,
 * no module layers). It lives in {@code org.elasticsearch.plugins} because {@code LoadedPlugin}, {@code loadPlugin}
 * and {@code createExtensions} are package-private. Works on the class path only (split package).
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> loaded;
    private final List<PluginDescriptor> descriptors;

    public ClasspathPluginsService(Settings settings, Environment environment, Collection<Class<? extends Plugin>> classes) {
        // an empty loader: nothing is read from the (non-existent) modules/ and plugins/ folders
        super(settings, environment.configDir(), emptyLoader());
        List<LoadedPlugin> plugins = new ArrayList<>();
        List<PluginDescriptor> infos = new ArrayList<>();
        for (Class<? extends Plugin> type : classes) {
            PluginDescriptor descriptor = new PluginDescriptor(
                type.getSimpleName(),            // name
                "class path plugin " + type.getName(),
                Build.current().version(),       // plugin version
                Build.current().version(),       // elasticsearch version
                "17",                            // java version
                type.getName(),                  // class name
                null,                            // module name
                List.of(),                       // extended plugins
                false,                           // native controller
                false,                           // licensed
                false,                           // modular
                false                            // stable
            );
            plugins.add(new LoadedPlugin(descriptor, loadPlugin(type, settings, environment.configDir()), type.getClassLoader()));
            infos.add(descriptor);
        }
        loadExtensions(plugins);
        this.loaded = List.copyOf(plugins);
        this.descriptors = List.copyOf(infos);
    }

    /**
     * A loader with no bundles. {@code PluginsLoader.createPluginsLoader} cannot be used: it reads the server's module
     * descriptor, and on the class path the server is in the unnamed module.
     */
    public static PluginsLoader emptyLoader() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return loaded;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(
            descriptors.stream().map(d -> new PluginRuntimeInfo(d)).toList(),
            List.of()
        );
    }

    /**
     * All plugins share the application class loader, so the default implementation would find every service
     * provider on the class path once per plugin (e.g. the server's own FeatureSpecifications). Create each once,
     * passing the plugin its constructor asks for, if any.
     */
    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        Map<Class<?>, T> unique = new LinkedHashMap<>();
        for (ClassLoader loader : loaded.stream().map(LoadedPlugin::classLoader).distinct().toList()) {
            SPIClassIterator<T> providers = SPIClassIterator.get(service, loader);
            while (providers.hasNext()) {
                Class<? extends T> provider = providers.next();
                if (unique.containsKey(provider) == false) {
                    unique.put(provider, createExtension(provider, service, pluginFor(provider)));
                }
            }
        }
        return List.copyOf(unique.values());
    }

    private Plugin pluginFor(Class<?> provider) {
        Class<?>[] parameters = provider.getConstructors().length == 1 ? provider.getConstructors()[0].getParameterTypes() : new Class<?>[0];
        return loaded.stream()
            .map(LoadedPlugin::instance)
            .filter(p -> parameters.length == 0 || parameters[0] == p.getClass())
            .findFirst()
            .orElse(loaded.get(0).instance());
    }
}

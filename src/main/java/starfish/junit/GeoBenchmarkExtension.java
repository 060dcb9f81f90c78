package starfish.junit;

import io.qameta.allure.util.PropertiesUtils;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import starfish.junit.allure.AllureEnvironment;
import starfish.junit.history.MachineKind;
import starfish.junit.history.RunHistory;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.testbed.HostsNeeded;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The extension behind {@link GeoBenchmark}: provisions the class's testbed and starts its monitoring before all its
 * tests, keeps it in the class's store (which destroys it when the class ends), and injects {@link Benchmarks} into
 * test methods.
 */
public final class GeoBenchmarkExtension implements BeforeAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(GeoBenchmarkExtension.class);
    private static final int DEFAULT_COMMITTEE = 4;
    private static final String ALLURE_RESULTS = "allure.results.directory";

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(ProvisionedTestbed.class) != null) {
            return; // a @Nested class shares its enclosing class's testbed
        }
        Class<?> testClass = context.getRequiredTestClass();
        GeoBenchmark annotation = AnnotationSupport.findAnnotation(testClass, GeoBenchmark.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                        + " uses GeoBenchmarkExtension without @GeoBenchmark; annotate the class with @GeoBenchmark"));
        BenchmarkProperties properties = BenchmarkProperties.of(context);
        Settings settings = settings(annotation, properties);
        String commit = SourceCommit.of(settings);
        AllureEnvironment.write(allureResults(context), settings, commit);

        TestbedFactory factory = factory(context);
        TestbedProvider provider = factory.provider(settings);
        ProvisionedTestbed testbed = new ProvisionedTestbed(settings, provider, factory, properties.keepTestbed());
        store.put(ProvisionedTestbed.class, testbed); // before provisioning: a half-created testbed is destroyed too
        store.put(BenchmarkClass.class, new BenchmarkClass(testClass.getSimpleName(), commit,
                new RunHistory(properties.historyDirectory()), MachineKind.of(settings, provider.traits()), System.out));
        testbed.provision(instances(annotation, testClass, settings, provider.traits()));
        testbed.startMonitoring();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Benchmarks.class;
    }

    @Override
    public Benchmarks resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return benchmarks(context);
    }

    /** The benchmarks of the running test method, on its class's testbed, under its thresholds. */
    static Benchmarks benchmarks(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ProvisionedTestbed testbed = store.get(ProvisionedTestbed.class, ProvisionedTestbed.class);
        if (testbed == null) {
            throw new ExtensionConfigurationException(context.getDisplayName() + " runs benchmarks, but "
                    + context.getRequiredTestClass().getName() + " has no @GeoBenchmark; annotate the class with it");
        }
        Method method = context.getRequiredTestMethod();
        ThresholdLimits thresholds = ThresholdLimits.nearest(List.of(method, context.getRequiredTestClass()));
        return new Benchmarks(testbed, store.get(BenchmarkClass.class, BenchmarkClass.class),
                method.getDeclaringClass().getSimpleName() + "." + method.getName(), thresholds,
                BenchmarkProperties.of(context).durationCap(), context::publishReportEntry);
    }

    private static Settings settings(GeoBenchmark annotation, BenchmarkProperties properties) {
        Optional<Path> file = properties.settingsFile()
                .or(() -> Optional.of(annotation.settings()).filter(s -> !s.isBlank()).map(Path::of));
        return file.map(path -> new SettingsLoader().load(path)).orElseGet(Settings::defaults);
    }

    /** The annotation's count, else what the largest committee a {@code @BenchmarkTest} of the class asks for needs. */
    private static HostsNeeded instances(GeoBenchmark annotation, Class<?> testClass, Settings settings,
                                         HostTraits hosts) {
        if (annotation.instances() > 0) {
            return new HostsNeeded(annotation.instances(),
                    "@GeoBenchmark(instances = " + annotation.instances() + ")");
        }
        int committee = AnnotationSupport
                .findAnnotatedMethods(testClass, BenchmarkTest.class, HierarchyTraversalMode.TOP_DOWN).stream()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, BenchmarkTest.class).stream())
                .flatMapToInt(test -> Arrays.stream(test.committee())).max().orElse(DEFAULT_COMMITTEE);
        return HostsNeeded.forCommittee(hosts, settings, committee, 0);
    }

    private static TestbedFactory factory(ExtensionContext context) {
        return context.getConfigurationParameter(TestbedFactory.PARAMETER).map(name -> {
            Class<?> type = ReflectionSupport.tryToLoadClass(name).getOrThrow(e -> new ExtensionConfigurationException(
                    TestbedFactory.PARAMETER + ": cannot load class " + name, e));
            if (!TestbedFactory.class.isAssignableFrom(type)) {
                throw new ExtensionConfigurationException(TestbedFactory.PARAMETER + ": " + name
                        + " does not implement " + TestbedFactory.class.getName());
            }
            return (TestbedFactory) ReflectionSupport.newInstance(type);
        }).orElseGet(OrchestratorTestbedFactory::new);
    }

    /** Where Allure writes results: the configuration parameter, else allure.properties or system properties. */
    private static Path allureResults(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(ALLURE_RESULTS).orElseGet(() ->
                PropertiesUtils.loadAllureProperties().getProperty(ALLURE_RESULTS, "allure-results")));
    }
}

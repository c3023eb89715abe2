package dev.trent.junit;

import dev.trent.Trent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The JUnit 5 extension behind {@link WithTrent}: starts an in-process Trent per
 * {@link TrentScope}, keeps it in JUnit's extension store (which closes it when the scope ends), and
 * gives tests a {@link KmsClient}, the endpoint {@link URI} or the {@link Trent} handle.
 *
 * <p>Safe under {@code junit.jupiter.execution.parallel.enabled}: a scope's Trent is created once
 * by the store, whichever test asks first, and its clients are thread-safe and shared.
 */
public final class TrentExtension implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrentExtension.class);
    private static final List<Class<?>> INJECTED = List.of(KmsClient.class, URI.class, Trent.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        TrentSettings settings = settings(context);
        if (settings.scope() == TrentScope.TEST) {
            requireNoStaticFields(context.getRequiredTestClass());
            return;
        }
        RunningTrent trent = running(context, settings); // started here, not within the first test
        injectFields(context.getRequiredTestClass(), null, trent);
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        TrentSettings settings = settings(context);
        if (settings.scope() != TrentScope.TEST) {
            injectFields(instance.getClass(), instance, running(context, settings));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        TrentSettings settings = settings(context);
        if (settings.scope() == TrentScope.TEST) {
            RunningTrent trent = running(context, settings);
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectFields(instance.getClass(), instance, trent);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == URI.class && !parameter.isAnnotated(FromTrent.class) && isParameterizedTest(parameter)) {
            return false; // a parameterized test's URI is one of its arguments unless marked @FromTrent
        }
        return INJECTED.contains(type);
    }

    /** Whether the parameter's method is a {@code @ParameterizedTest}, known by name: JUnit's params module is optional. */
    private static boolean isParameterizedTest(ParameterContext parameter) {
        return Arrays.stream(parameter.getDeclaringExecutable().getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("org.junit.jupiter.params.ParameterizedTest"));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        FromTrent choice = parameter.findAnnotation(FromTrent.class).orElse(null);
        return value(type, choice, running(context, settings(context)), "parameter " + parameter.getParameter());
    }

    private static Object value(Class<?> type, FromTrent choice, RunningTrent trent, String where) {
        if (type == KmsClient.class) {
            return trent.client(choice);
        }
        if (choice != null && !(choice.account().isEmpty() && choice.region().isEmpty() && choice.accessKey().isEmpty())) {
            throw new ExtensionConfigurationException("@FromTrent's account, region and accessKey choose a KmsClient;"
                    + " " + where + " is a " + type.getSimpleName());
        }
        return type == URI.class ? trent.endpoint() : trent.trent();
    }

    /** The fields of {@code type} marked {@link FromTrent}: the static ones when {@code instance} is null. */
    private static void injectFields(Class<?> type, Object instance, RunningTrent trent) throws IllegalAccessException {
        boolean statics = instance == null;
        List<Field> fields = AnnotationSupport.findAnnotatedFields(type, FromTrent.class,
                field -> ModifierSupport.isStatic(field) == statics, HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            String where = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (!INJECTED.contains(field.getType())) {
                throw new ExtensionConfigurationException("@FromTrent " + where + " is a " + field.getType().getName()
                        + "; Trent gives a KmsClient, a URI or a dev.trent.Trent");
            }
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("@FromTrent " + where + " must not be final");
            }
            field.setAccessible(true);
            field.set(instance, value(field.getType(), field.getAnnotation(FromTrent.class), trent, where));
        }
    }

    private static void requireNoStaticFields(Class<?> type) {
        List<Field> statics = AnnotationSupport.findAnnotatedFields(type, FromTrent.class, ModifierSupport::isStatic,
                HierarchyTraversalMode.TOP_DOWN);
        if (!statics.isEmpty()) {
            throw new ExtensionConfigurationException("@FromTrent static field " + statics.get(0).getName()
                    + " cannot hold what belongs to one test: with scope TEST, use instance fields or parameters");
        }
    }

    /** The Trent of the scope {@code context} is in, started by whichever test or callback asks first. */
    private static RunningTrent running(ExtensionContext context, TrentSettings settings) {
        ExtensionContext owner = switch (settings.scope()) {
            case SUITE -> context.getRoot();
            case CLASS -> classContext(context);
            case TEST -> {
                if (context.getTestMethod().isEmpty()) {
                    throw new ExtensionConfigurationException("With @WithTrent(scope = TEST) each test method has"
                            + " its own Trent: there is none for " + context.getDisplayName()
                            + " (a constructor, @BeforeAll or @AfterAll); use @BeforeEach or the test's parameters");
                }
                yield context;
            }
        };
        // The store looks in the enclosing contexts too: a @Nested class with the same options shares
        // its enclosing class's Trent.
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(settings, RunningTrent::start, RunningTrent.class);
    }

    /** The nearest context of a test class: a method's class, or the class itself. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                throw new ExtensionConfigurationException("TrentExtension outside a test class: " + context.getDisplayName());
            }
            current = parent.get();
        }
        return current;
    }

    /** The {@link WithTrent} of the test class or an enclosing one; the defaults when there is none. */
    private static TrentSettings settings(ExtensionContext context) {
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<WithTrent> options = AnnotationSupport.findAnnotation(type, WithTrent.class);
            if (options.isPresent()) {
                return TrentSettings.of(options.get());
            }
        }
        return TrentSettings.DEFAULTS;
    }
}

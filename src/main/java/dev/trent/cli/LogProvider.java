package dev.trent.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J bound to Logback, as Logback's own provider binds it, but configured by
 * {@link LogConfigurator#configureTrentLogging} directly rather than through Logback's
 * ContextInitializer, whose version checks, search for configurators and status messages cost the
 * command line's start-up ~80 ms of CPU. {@link Main} chooses it (SLF4J's {@code slf4j.provider}
 * property) unless a Logback configuration file is given; Trent run in a test's JVM keeps
 * Logback's own set-up.
 */
public final class LogProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is written for, as Logback 1.5 declares it. */
    private static final String API_VERSION = "2.0.99";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    /**
     * Makes SLF4J bind to this provider in this JVM, unless a provider or a Logback configuration
     * file was chosen already; SLF4J then keeps its note that it did so (INFO) to itself.
     */
    static void choose() {
        if (System.getProperty(PROVIDER) == null && System.getProperty("logback.configurationFile") == null) {
            System.setProperty(PROVIDER, LogProvider.class.getName());
            if (System.getProperty(VERBOSITY) == null) {
                System.setProperty(VERBOSITY, "WARN");
            }
        }
    }

    static final String PROVIDER = "slf4j.provider";
    private static final String VERBOSITY = "slf4j.internal.verbosity";

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        LogConfigurator.configureTrentLogging(context);
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}

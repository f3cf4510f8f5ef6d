package org.gapdesk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The kiosk's logging: everything at INFO and above to standard error (so the standard output of {@code gapdesk
 * list} and {@code gapdesk import} stays clean data), the libraries' own chatter at WARN. Set in code, found by
 * logback through {@code META-INF/services}, because reading an XML configuration costs a start about a fifth of
 * a second. A site that wants other logging names its own file with {@code -Dlogback.configurationFile=...}; this
 * setup then steps aside.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Loggers of the libraries that are quiet below WARN. */
    static final String[] QUIET = {"org.flywaydb", "org.eclipse.jetty", "io.javalin", "h2database", "com.zaxxer.hikari"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

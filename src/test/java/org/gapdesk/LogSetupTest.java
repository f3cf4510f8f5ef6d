package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LogSetupTest {
    @Test
    void logsInfoToStandardErrorAndKeepsLibrariesAtWarn() {
        LoggerContext context = new LoggerContext();
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new LogSetup().configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", stderr.getTarget());
        for (String name : LogSetup.QUIET) {
            assertEquals(Level.WARN, context.getLogger(name).getEffectiveLevel(), name);
        }
        assertEquals(Level.INFO, context.getLogger("org.gapdesk.web.WebErrors").getEffectiveLevel());
    }

    @Test
    void isFoundByLogback() {
        assertEquals(1, ServiceLoader.load(Configurator.class).stream()
                .filter(p -> p.type() == LogSetup.class).count());
    }

    @Test
    void stepsAsideForASiteConfigurationFile() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "site-logback.xml");
        try {
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(new LoggerContext()));
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}

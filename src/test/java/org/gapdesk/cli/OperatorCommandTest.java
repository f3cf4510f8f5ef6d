package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.TestIds;
import org.gapdesk.config.KioskHome;
import org.gapdesk.operator.Operator;
import org.gapdesk.operator.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gapdesk operator} and the CLI-as-operator rule: the first admin, sign-in from GAPDESK_OPERATOR and
 * GAPDESK_SECRET, refusals with exit code 3, admin-only commands, and the warning while no operator exists.
 */
class OperatorCommandTest {
    @TempDir
    Path dir;

    private String home;
    private Path file;
    private final TestIds ids = new TestIds(4242);

    @BeforeAll
    static void fastHashing() {
        System.setProperty(Kiosk.SECRET_ITERATIONS_PROPERTY, "1000");
    }

    @AfterAll
    static void normalHashing() {
        System.clearProperty(Kiosk.SECRET_ITERATIONS_PROPERTY);
    }

    @BeforeEach
    void requestFile() throws IOException {
        home = dir.resolve("home").toString();
        file = dir.resolve("lab.json");
        Files.writeString(file, "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\",\"machines\":["
                + "{\"name\":\"PC-1\",\"alias\":false,\"products\":[{\"name\":\"Windows(R), Enterprise edition\","
                + "\"channel\":\"Volume:MAK\",\"installationId\":\"" + ids.iid63() + "\"}]}]}");
    }

    @Test
    void withoutOperatorsTheCliActsAsTheOsUserWithOneWarning() {
        Cli.Run run = Cli.run("--home", home, "import", file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        String user = "cli:" + System.getProperty("user.name", "unknown");
        assertTrue(run.out().contains("Imported as " + user), run.out());
        assertEquals(1, run.err().lines().filter(l -> l.contains("warning: no operators are set up yet")).count(),
                run.err());
    }

    @Test
    void theFirstAdminIsAddedFromTheCliAndThenEveryChangeSignsIn() {
        Cli.Run notAdmin = Cli.run(Map.of("GAPDESK_SECRET", "first-secret"), "--home", home, "operator", "add",
                "Ada");
        assertEquals(2, notAdmin.exitCode(), notAdmin.toString());
        assertTrue(notAdmin.err().contains("the first must be an admin"), notAdmin.err());

        Cli.Run noSecret = Cli.run("--home", home, "operator", "add", "--admin", "Ada");
        assertEquals(2, noSecret.exitCode(), noSecret.toString());
        assertTrue(noSecret.err().contains("GAPDESK_SECRET"), noSecret.err());

        Cli.Run first = Cli.run(Map.of("GAPDESK_SECRET", "first-secret"), "--home", home, "operator", "add",
                "--admin", "Ada");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("Added Ada as the first admin."), first.out());
        assertEquals(Role.ADMIN, operator("Ada").role());

        Cli.Run anonymous = Cli.run("--home", home, "import", file.toString());
        assertEquals(2, anonymous.exitCode(), anonymous.toString());
        assertTrue(anonymous.err().contains("--operator NAME or GAPDESK_OPERATOR"), anonymous.err());

        Cli.Run wrong = Cli.run(Map.of("GAPDESK_SECRET", "not-the-secret"), "--home", home, "import",
                "--operator", "Ada", file.toString());
        assertEquals(CliOperator.REFUSED, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("refused: name or secret not recognised"), wrong.err());
        assertEquals(0, requestCount(), "nothing imported on a refused sign-in");

        Cli.Run unknown = Cli.run(Map.of("GAPDESK_SECRET", "first-secret"), "--home", home, "import",
                "--operator", "Nobody", file.toString());
        assertEquals(CliOperator.REFUSED, unknown.exitCode(), unknown.toString());

        Cli.Run right = Cli.run(Map.of("GAPDESK_OPERATOR", "Ada", "GAPDESK_SECRET", "first-secret"), "--home", home,
                "import", file.toString());
        assertEquals(0, right.exitCode(), right.toString());
        assertTrue(right.out().contains("Imported as Ada"), right.out());
        assertFalse(right.err().contains("warning: no operators"), right.err());
        assertEquals(1, requestCount());
    }

    @Test
    void adminOnlyCommandsRefuseAnOperator() {
        Map<String, String> ada = Map.of("GAPDESK_OPERATOR", "Ada", "GAPDESK_SECRET", "first-secret");
        assertEquals(0, Cli.run(Map.of("GAPDESK_SECRET", "first-secret"), "--home", home, "operator", "add",
                "--admin", "Ada").exitCode());
        Cli.Run added = Cli.run(Map.of("GAPDESK_OPERATOR", "Ada", "GAPDESK_SECRET", "first-secret",
                "GAPDESK_NEW_SECRET", "otto-secret"), "--home", home, "operator", "add", "Otto");
        assertEquals(0, added.exitCode(), added.toString());
        assertEquals(Role.OPERATOR, operator("Otto").role());

        Map<String, String> otto = Map.of("GAPDESK_OPERATOR", "Otto", "GAPDESK_SECRET", "otto-secret");
        for (String[] args : new String[][] {{"operator", "add", "Mallory"}, {"operator", "role", "Otto", "admin"},
                {"operator", "disable", "Ada"}, {"operator", "secret", "Ada"}, {"key", "rotate"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "--home";
            all[1] = home;
            System.arraycopy(args, 0, all, 2, args.length);
            Map<String, String> env = new java.util.HashMap<>(otto);
            env.put("GAPDESK_NEW_SECRET", "mallory-secret");
            Cli.Run refused = Cli.run(env, all);
            assertEquals(CliOperator.REFUSED, refused.exitCode(), String.join(" ", args) + "\n" + refused);
            assertTrue(refused.err().contains("only an admin may do this"), refused.err());
        }
        assertTrue(operator("Ada").active());
        assertEquals(Role.OPERATOR, operator("Otto").role());

        assertEquals(0, Cli.run(otto, "--home", home, "import", file.toString()).exitCode(),
                "an operator may import");

        Cli.Run self = Cli.run(ada, "--home", home, "operator", "disable", "Ada");
        assertEquals(1, self.exitCode(), self.toString());
        assertTrue(self.err().contains("cannot disable or demote yourself"), self.err());
        assertEquals(0, Cli.run(ada, "--home", home, "operator", "role", "Otto", "admin").exitCode());
        assertEquals(Role.ADMIN, operator("Otto").role());
        assertEquals(0, Cli.run(ada, "--home", home, "operator", "disable", "Otto").exitCode());
        assertEquals(CliOperator.REFUSED, Cli.run(otto, "--home", home, "import", file.toString()).exitCode(),
                "a disabled operator cannot sign in");

        Cli.Run rotate = Cli.run(ada, "--home", home, "key", "rotate");
        assertEquals(0, rotate.exitCode(), rotate.toString());
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(Path.of(home)))) {
            assertTrue(kiosk.audit().latest(5).stream().anyMatch(e -> e.action().equals("key.rotated")
                    && e.operator().equals("Ada")), "the rotation is in the audit chain");
            assertTrue(kiosk.audit().verify().intact());
        }

        Cli.Run list = Cli.run("--home", home, "operator", "list");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains("Ada\tadmin") && list.out().contains("Otto\tadmin\tdisabled"), list.out());
    }

    @Test
    void failuresThrottleTheNameForTheCliToo() {
        assertEquals(0, Cli.run(Map.of("GAPDESK_SECRET", "first-secret"), "--home", home, "operator", "add",
                "--admin", "Ada").exitCode());
        Map<String, String> wrong = Map.of("GAPDESK_OPERATOR", "Ada", "GAPDESK_SECRET", "guess");
        Cli.Run last = null;
        for (int i = 0; i < 5; i++) {
            last = Cli.run(wrong, "--home", home, "import", file.toString());
            assertEquals(CliOperator.REFUSED, last.exitCode());
        }
        assertTrue(last.err().contains("try again after"), last.err());
        Cli.Run locked = Cli.run(Map.of("GAPDESK_OPERATOR", "Ada", "GAPDESK_SECRET", "first-secret"), "--home", home,
                "import", file.toString());
        assertEquals(CliOperator.REFUSED, locked.exitCode(), "locked: even the right secret waits");
    }

    private Operator operator(String name) {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(Path.of(home)))) {
            return kiosk.operators().find(name).orElseThrow();
        }
    }

    private int requestCount() {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(Path.of(home)))) {
            return (int) kiosk.requests().counts().stream().mapToLong(c -> c.count()).sum();
        }
    }
}

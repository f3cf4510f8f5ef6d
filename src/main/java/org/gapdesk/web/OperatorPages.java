package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.SelfChangeGuard;

/**
 * The operators admin page ({@code /admin/operators}, admins only): list, add, change role, disable or enable,
 * reset a password or PIN. Operators are never deleted, so the record keeps every name it mentions.
 */
final class OperatorPages {
    static final String PATH = "/admin/operators";

    private final Pages pages;
    private final OperatorService operators;

    OperatorPages(Pages pages, OperatorService operators) {
        this.pages = pages;
        this.operators = operators;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, null, null, Map.of()));
        routes.post(PATH + "/add", this::add);
        routes.post(PATH + "/role", this::changeRole);
        routes.post(PATH + "/active", this::active);
        routes.post(PATH + "/secret", this::secret);
    }

    private void add(Context ctx) {
        String admin = pages.requireAdmin(ctx);
        String name = field(ctx, "name");
        withSecrets(ctx, Map.of("addName", name, "addRole", field(ctx, "role")), secret -> {
            operators.add(name, role(ctx), secret, admin);
            return "Added " + name.strip() + ".";
        });
    }

    private void changeRole(Context ctx) {
        String admin = pages.requireAdmin(ctx);
        String name = field(ctx, "name");
        act(ctx, () -> {
            Role role = role(ctx);
            if (role != Role.ADMIN) {
                SelfChangeGuard.check(name, admin);
            }
            operators.setRole(name, role, admin);
            return name.strip() + " is now " + (role == Role.ADMIN ? "an admin." : "an operator.");
        });
    }

    private void active(Context ctx) {
        String admin = pages.requireAdmin(ctx);
        String name = field(ctx, "name");
        boolean active = "true".equals(ctx.formParam("active"));
        act(ctx, () -> {
            if (!active) {
                SelfChangeGuard.check(name, admin);
            }
            operators.setActive(name, active, admin);
            return name.strip() + (active ? " can sign in again." : " is disabled and signed out.");
        });
    }

    private void secret(Context ctx) {
        String admin = pages.requireAdmin(ctx);
        String name = field(ctx, "name");
        withSecrets(ctx, Map.of("resetName", name), secret -> {
            operators.setSecret(name, secret, admin);
            return "New password or PIN set for " + name.strip() + "; any sign-in lock on the name is cleared.";
        });
    }

    /** Runs a change that takes a secret typed twice ({@code secret}, {@code again}); wipes both after. */
    private void withSecrets(Context ctx, Map<String, String> keep, SecretChange change) {
        char[] secret = chars(ctx, "secret");
        char[] again = chars(ctx, "again");
        try {
            if (!Arrays.equals(secret, again)) {
                ctx.status(HttpStatus.BAD_REQUEST);
                show(ctx, null, "The two passwords or PINs differ: type the same one twice.", keep);
                return;
            }
            act(ctx, keep, () -> change.apply(secret));
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private void act(Context ctx, Change change) {
        act(ctx, Map.of(), change);
    }

    private void act(Context ctx, Map<String, String> keep, Change change) {
        String done;
        try {
            done = change.apply();
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, null, capitalized(e.getMessage()) + ".", keep);
            return;
        }
        show(ctx, done, null, Map.of());
    }

    private void show(Context ctx, String done, String problem, Map<String, String> keep) {
        Map<String, Object> params = new HashMap<>();
        params.put("operators", operators.list());
        params.put("self", pages.operators().current(ctx));
        params.put("done", done);
        params.put("problem", problem);
        params.put("addName", keep.getOrDefault("addName", ""));
        params.put("addAdmin", "admin".equalsIgnoreCase(keep.getOrDefault("addRole", "")));
        params.put("resetName", keep.getOrDefault("resetName", ""));
        params.put("minSecret", OperatorService.MIN_SECRET);
        pages.render(ctx, "operators.jte", "operators", "Operators", params);
    }

    private static Role role(Context ctx) {
        String r = field(ctx, "role").toUpperCase(Locale.ROOT);
        if (!r.equals("ADMIN") && !r.equals("OPERATOR")) {
            throw new IllegalArgumentException("role must be operator or admin");
        }
        return Role.valueOf(r);
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private static char[] chars(Context ctx, String name) {
        return field(ctx, name).toCharArray();
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private interface Change {
        String apply();
    }

    private interface SecretChange {
        String apply(char[] secret);
    }
}

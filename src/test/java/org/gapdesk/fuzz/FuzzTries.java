package org.gapdesk.fuzz;

import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many inputs each fuzz property tries, and from which seed. Without system properties every property runs
 * its own (CI-sized) number of tries from the fixed seed {@link #CI_SEED}, so a CI run is repeatable. With
 * {@code -Dgapdesk.fuzz.tries=N} every property (not the examples) runs {@code N} tries from a random seed
 * (reported on failure);
 * {@code -Dgapdesk.fuzz.seed=S} fixes the seed of either run, e.g. to repeat a failure.
 *
 * <p>Apply with {@code @AddLifecycleHook(FuzzTries.class)} on a test class.
 */
public final class FuzzTries implements AroundPropertyHook {
    /** Number of tries for every property in a long run. */
    public static final String TRIES_PROPERTY = "gapdesk.fuzz.tries";
    /** The seed to start from. */
    public static final String SEED_PROPERTY = "gapdesk.fuzz.seed";
    /** The seed of a CI run. */
    public static final String CI_SEED = "20261120";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(TRIES_PROPERTY);
        String seed = System.getProperty(SEED_PROPERTY);
        boolean example = context.targetMethod().isAnnotationPresent(Example.class);
        if (tries != null && !example) {
            context.attributes().setTries(tries);
        }
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        } else if (tries == null) {
            context.attributes().setSeed(CI_SEED);
        }
        return property.execute();
    }

    /** True in a long run ({@code -Dgapdesk.fuzz.tries} given). */
    public static boolean longRun() {
        return Integer.getInteger(TRIES_PROPERTY) != null;
    }
}

package nl.beslisstraat.engine.regulation.dmn;

import java.util.HashMap;
import java.util.Map;

/**
 * How much work evaluating a piece of a DMN model can take, and how large its value can grow, as
 * the size it would have with every reference written out: a name counts as what it names, a call
 * of a business knowledge model as its body with the arguments in place of its parameters. Without
 * loops, recursion or function values that is an upper bound of the steps an evaluation takes, so
 * one bound on it also catches the models that stay small on paper and double at every step (a
 * decision {@code d2 = d1 + d1}, a knowledge model calling the next one twice).
 *
 * <p>Inside a knowledge model's body a cost is a linear form: a constant plus a weight for each
 * parameter, filled in with the arguments' costs at each call. Figures saturate instead of
 * overflowing: only whether they pass the bound matters.
 */
record FeelCost(long constant, Map<String, Long> perParameter) {

    private static final long SATURATED = 1L << 40;

    static final FeelCost ONE = of(1);

    FeelCost {
        perParameter = Map.copyOf(perParameter);
    }

    static FeelCost of(long constant) {
        return new FeelCost(Math.min(constant, SATURATED), Map.of());
    }

    /** A reference to a knowledge model's parameter: the argument's cost, filled in at the call. */
    static FeelCost parameter(String name) {
        return new FeelCost(1, Map.of(name, 1L));
    }

    FeelCost plus(FeelCost other) {
        Map<String, Long> sum = new HashMap<>(perParameter);
        other.perParameter.forEach((name, weight) -> sum.merge(name, weight, FeelCost::add));
        return new FeelCost(add(constant, other.constant), sum);
    }

    FeelCost plus(long steps) {
        return new FeelCost(add(constant, steps), perParameter);
    }

    FeelCost times(long factor) {
        Map<String, Long> scaled = new HashMap<>();
        perParameter.forEach((name, weight) -> scaled.put(name, multiply(weight, factor)));
        return new FeelCost(multiply(constant, factor), scaled);
    }

    /** The cost of a call: this (a knowledge model's body) with the arguments for its parameters. */
    FeelCost calledWith(Map<String, FeelCost> arguments) {
        FeelCost call = of(constant);
        for (Map.Entry<String, Long> weight : perParameter.entrySet()) {
            call = call.plus(arguments.getOrDefault(weight.getKey(), ONE).times(weight.getValue()));
        }
        return call;
    }

    /** The largest figure in the form: what to hold against the bound. */
    long size() {
        long size = constant;
        for (long weight : perParameter.values()) {
            size = add(size, weight);
        }
        return size;
    }

    private static long add(long a, long b) {
        return Math.min(a + b, SATURATED);
    }

    private static long multiply(long a, long b) {
        return a != 0 && b > SATURATED / a ? SATURATED : Math.min(a * b, SATURATED);
    }
}

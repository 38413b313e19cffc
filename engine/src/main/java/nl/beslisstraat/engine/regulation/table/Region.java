package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A set of cases as a box: per input (an {@link Axis}) a range of numbers or a set of values; an
 * input the box does not mention may have any value. A table row's conditions are such a box.
 */
record Region(Map<Axis, Object> bounds) {

    static final Region EVERYTHING = new Region(Map.of());

    /** What the box allows on {@code axis}: a {@link Range} or a {@code Set<String>} of values. */
    Object on(Axis axis) {
        Object bound = bounds.get(axis);
        return bound != null ? bound : axis.everything();
    }

    Region with(Axis axis, Object bound) {
        Map<Axis, Object> narrowed = new LinkedHashMap<>(bounds);
        narrowed.put(axis, intersect(axis, on(axis), bound));
        return new Region(narrowed);
    }

    Optional<Region> intersect(Region other) {
        Region both = this;
        for (Map.Entry<Axis, Object> bound : other.bounds.entrySet()) {
            both = both.with(bound.getKey(), bound.getValue());
        }
        return both.isEmpty() ? Optional.empty() : Optional.of(both);
    }

    boolean isEmpty() {
        return bounds.entrySet().stream().anyMatch(bound -> isEmpty(bound.getValue()));
    }

    /** Whether every case in {@code other} is in this box. */
    boolean contains(Region other) {
        for (Map.Entry<Axis, Object> bound : bounds.entrySet()) {
            if (!contains(bound.getValue(), other.on(bound.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * This box cut along the first axis where {@code row} does not hold all of it: the part
     * inside the row's bound, and the parts outside it. Empty when the row holds the whole box.
     */
    List<Region> splitBy(Region row) {
        for (Map.Entry<Axis, Object> bound : row.bounds.entrySet()) {
            Axis axis = bound.getKey();
            Object mine = on(axis);
            if (contains(bound.getValue(), mine)) {
                continue;
            }
            List<Region> pieces = new ArrayList<>();
            Object inside = intersect(axis, mine, bound.getValue());
            if (!isEmpty(inside)) {
                pieces.add(replaced(axis, inside));
            }
            for (Object outside : subtract(axis, mine, bound.getValue())) {
                pieces.add(replaced(axis, outside));
            }
            return pieces;
        }
        return List.of();
    }

    /**
     * Boxes joined where two differ on one input only and together are one box again (values of
     * a code, or ranges that touch): the splitting that finds them cuts a gap into pieces an
     * officer would read as one.
     */
    static List<Region> merged(List<Region> regions) {
        List<Region> boxes = new ArrayList<>(regions);
        boolean joined = true;
        while (joined) {
            joined = false;
            outer:
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    Optional<Region> union = boxes.get(i).union(boxes.get(j));
                    if (union.isPresent()) {
                        boxes.set(i, union.get());
                        boxes.remove(j);
                        joined = true;
                        break outer;
                    }
                }
            }
        }
        return boxes;
    }

    /** The box holding exactly the cases of both, when there is one. */
    private Optional<Region> union(Region other) {
        Set<Axis> axes = new LinkedHashSet<>(bounds.keySet());
        axes.addAll(other.bounds.keySet());
        Axis differing = null;
        for (Axis axis : axes) {
            if (!on(axis).equals(other.on(axis)) && !sameRange(on(axis), other.on(axis))) {
                if (differing != null) {
                    return Optional.empty();
                }
                differing = axis;
            }
        }
        if (differing == null) {
            return Optional.of(this);
        }
        Object mine = on(differing);
        Object theirs = other.on(differing);
        if (mine instanceof Range a) {
            Axis axis = differing;
            return a.joined((Range) theirs, axis.step() != null).map(range -> replaced(axis, range));
        }
        Set<String> both = new LinkedHashSet<>(values(mine));
        both.addAll(values(theirs));
        return Optional.of(replaced(differing, both));
    }

    private static boolean sameRange(Object a, Object b) {
        return a instanceof Range one && b instanceof Range two && one.contains(two) && two.contains(one);
    }

    private Region replaced(Axis axis, Object bound) {
        Map<Axis, Object> copy = new LinkedHashMap<>(bounds);
        copy.put(axis, bound);
        return new Region(copy);
    }

    private static Object intersect(Axis axis, Object a, Object b) {
        if (a instanceof Range range) {
            return axis.normalise(range.intersect((Range) b));
        }
        Set<String> both = new LinkedHashSet<>(values(a));
        both.retainAll(values(b));
        return both;
    }

    private static List<Object> subtract(Axis axis, Object whole, Object part) {
        if (whole instanceof Range range) {
            List<Object> rest = new ArrayList<>();
            for (Range piece : range.minus((Range) part)) {
                Range normal = axis.normalise(piece);
                if (!normal.isEmpty()) {
                    rest.add(normal);
                }
            }
            return rest;
        }
        Set<String> rest = new LinkedHashSet<>(values(whole));
        rest.removeAll(values(part));
        return rest.isEmpty() ? List.of() : List.of(rest);
    }

    private static boolean isEmpty(Object bound) {
        return bound instanceof Range range ? range.isEmpty() : values(bound).isEmpty();
    }

    private static boolean contains(Object outer, Object inner) {
        return outer instanceof Range range
                ? range.contains((Range) inner)
                : values(outer).containsAll(values(inner));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> values(Object bound) {
        return (Set<String>) bound;
    }

    /** Numbers from {@code low} to {@code high}; a null end is unbounded. */
    record Range(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

        static Range above(BigDecimal low, boolean included) {
            return new Range(low, included, null, false);
        }

        static Range below(BigDecimal high, boolean included) {
            return new Range(null, false, high, included);
        }

        static Range exactly(BigDecimal value) {
            return new Range(value, true, value, true);
        }

        boolean isEmpty() {
            if (low == null || high == null) {
                return false;
            }
            int order = low.compareTo(high);
            return order > 0 || (order == 0 && !(lowIncluded && highIncluded));
        }

        Range intersect(Range other) {
            BigDecimal newLow = low;
            boolean newLowIncluded = lowIncluded;
            if (other.low != null
                    && (low == null
                            || other.low.compareTo(low) > 0
                            || (other.low.compareTo(low) == 0 && !other.lowIncluded))) {
                newLow = other.low;
                newLowIncluded = other.lowIncluded;
            }
            BigDecimal newHigh = high;
            boolean newHighIncluded = highIncluded;
            if (other.high != null
                    && (high == null
                            || other.high.compareTo(high) < 0
                            || (other.high.compareTo(high) == 0 && !other.highIncluded))) {
                newHigh = other.high;
                newHighIncluded = other.highIncluded;
            }
            return new Range(newLow, newLowIncluded, newHigh, newHighIncluded);
        }

        boolean contains(Range inner) {
            if (inner.isEmpty()) {
                return true;
            }
            boolean lowOk = low == null
                    || (inner.low != null
                            && (inner.low.compareTo(low) > 0
                                    || (inner.low.compareTo(low) == 0 && (lowIncluded || !inner.lowIncluded))));
            boolean highOk = high == null
                    || (inner.high != null
                            && (inner.high.compareTo(high) < 0
                                    || (inner.high.compareTo(high) == 0 && (highIncluded || !inner.highIncluded))));
            return lowOk && highOk;
        }

        /** One range covering both, when they overlap or touch; on a whole-number input 3 and 4 touch. */
        Optional<Range> joined(Range other, boolean whole) {
            Range first = low == null || (other.low != null && low.compareTo(other.low) <= 0) ? this : other;
            Range second = first == this ? other : this;
            if (first.high != null && second.low != null) {
                int gap = second.low.compareTo(first.high);
                boolean touching = gap < 0
                        || (gap == 0 && (first.highIncluded || second.lowIncluded))
                        || (whole && second.low.subtract(first.high).compareTo(BigDecimal.ONE) == 0);
                if (!touching) {
                    return Optional.empty();
                }
            }
            Range high = first.high == null
                    ? first
                    : second.high == null
                                    || second.high.compareTo(first.high) > 0
                                    || (second.high.compareTo(first.high) == 0 && second.highIncluded)
                            ? second
                            : first;
            return Optional.of(new Range(first.low, first.lowIncluded, high.high, high.highIncluded));
        }

        /** This range without {@code part}: what lies below it and what lies above it. */
        List<Range> minus(Range part) {
            List<Range> rest = new ArrayList<>();
            if (part.low != null) {
                rest.add(intersect(below(part.low, !part.lowIncluded)));
            }
            if (part.high != null) {
                rest.add(intersect(above(part.high, !part.highIncluded)));
            }
            return rest;
        }
    }
}

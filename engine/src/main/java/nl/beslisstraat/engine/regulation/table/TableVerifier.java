package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * Analyses a decision table on its typed rows, as boxes in the space of the inputs its
 * conditions look at. All rows whose conditions hold apply, and the strongest outcome decides
 * (REJECTED over NEEDS_REVIEW over PARTIALLY_GRANTED over GRANTED); amounts of all applying rows
 * add up. So the verifier reports:
 *
 * <ul>
 *   <li>gaps: cases no row with an outcome covers (they go to a reviewer as "no rule applied");
 *   <li>overlaps: two rows that apply to one case and both set the same amount or date (a
 *       conflict the hit policy does not resolve: it blocks approval), or set different outcomes
 *       (resolved: the strongest wins);
 *   <li>dead rows: rows whose conditions exclude each other, or whose every case a stronger
 *       outcome always decides.
 * </ul>
 *
 * The search splits boxes and is bounded in steps and time; a table too large to finish is
 * reported incomplete, which blocks approval.
 */
public final class TableVerifier {

    private static final int MAX_STEPS = 100_000;
    /**
     * Wall-clock bound of one verification: it runs in the officer's upload request, and a table
     * built to make the search explode must not keep a core busy. Normal tables take milliseconds.
     */
    private static final long MAX_NANOS = 5_000_000_000L;

    private static final int MAX_GAPS = 20;
    private static final int MAX_OVERLAPS = 200;

    private final DecisionTable table;
    private final Map<String, String> labels;
    private final Map<String, Axis> axes = new LinkedHashMap<>();
    private final List<Region> boxes = new ArrayList<>();
    private int steps;
    private final long deadline = System.nanoTime() + MAX_NANOS;
    private boolean stopped;

    private TableVerifier(DecisionTable table, Map<String, String> labels) {
        this.table = table;
        this.labels = labels;
        for (TableRow row : table.rows()) {
            boxes.add(box(row));
        }
    }

    /**
     * @param labels how officers call the inputs, by field name (the input schema's titles);
     *     a field without one is named as it is
     */
    public static Verification verify(DecisionTable table, Map<String, String> labels) {
        return new TableVerifier(table, labels).verify();
    }

    private Verification verify() {
        List<TableRow> rows = table.rows();
        List<Region> deciding = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).outcome() != null && !boxes.get(i).isEmpty()) {
                deciding.add(boxes.get(i));
            }
        }
        List<Verification.Gap> gaps = new ArrayList<>();
        List<Region> found = Region.merged(uncovered(Region.EVERYTHING, deciding, 5 * MAX_GAPS));
        for (Region gap : found.subList(0, Math.min(found.size(), MAX_GAPS))) {
            gaps.add(new Verification.Gap(describe(gap), example(gap)));
        }
        List<Verification.Overlap> overlaps = overlaps();
        List<Verification.DeadRow> dead = deadRows();
        return new Verification(gaps, overlaps, dead, !stopped);
    }

    private List<Verification.Overlap> overlaps() {
        List<TableRow> rows = table.rows();
        List<Verification.Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < rows.size() && overlaps.size() < MAX_OVERLAPS && !outOfTime(); i++) {
            for (int j = i + 1; j < rows.size() && overlaps.size() < MAX_OVERLAPS; j++) {
                TableRow a = rows.get(i);
                TableRow b = rows.get(j);
                Phrase conflict = conflict(a, b);
                Phrase resolved = conflict == null ? resolved(a, b) : null;
                if (conflict == null && resolved == null) {
                    continue;
                }
                var both = boxes.get(i).intersect(boxes.get(j));
                if (both.isEmpty()) {
                    continue;
                }
                overlaps.add(new Verification.Overlap(
                        title(a),
                        Phrase.same(a.name()),
                        title(b),
                        Phrase.same(b.name()),
                        conflict != null,
                        conflict != null ? conflict : resolved,
                        example(both.get())));
            }
        }
        return overlaps;
    }

    /** Why two rows cannot both apply, or null when they can. */
    private static Phrase conflict(TableRow a, TableRow b) {
        for (String amount : a.amounts().keySet()) {
            if (b.amounts().containsKey(amount)) {
                return Findings.amountTwice(amount);
            }
        }
        for (String day : a.days().keySet()) {
            if (b.days().containsKey(day)) {
                return Findings.dateTwice(day);
            }
        }
        return null;
    }

    private static Phrase resolved(TableRow a, TableRow b) {
        if (a.outcome() != null && b.outcome() != null && a.outcome() != b.outcome()) {
            return Findings.strongestDecides(a.outcome().strongest(b.outcome()));
        }
        for (String percentage : a.percentages().keySet()) {
            if (b.percentages().containsKey(percentage)) {
                return Findings.percentagesAdd(percentage);
            }
        }
        return null;
    }

    private List<Verification.DeadRow> deadRows() {
        List<TableRow> rows = table.rows();
        List<Verification.DeadRow> dead = new ArrayList<>();
        for (int i = 0; i < rows.size() && !outOfTime(); i++) {
            TableRow row = rows.get(i);
            if (boxes.get(i).isEmpty()) {
                dead.add(new Verification.DeadRow(
                        title(row),
                        Phrase.same(row.name()),
                        new Phrase(
                                "De voorwaarden sluiten elkaar uit: deze regel geldt nooit.",
                                "The conditions exclude each other: this rule never applies.")));
                continue;
            }
            if (row.outcome() == null) {
                continue;
            }
            List<Region> stronger = new ArrayList<>();
            List<Phrase> names = new ArrayList<>();
            for (int j = 0; j < rows.size(); j++) {
                TableRow other = rows.get(j);
                if (other.outcome() != null
                        && other.outcome().strongest(row.outcome()) != row.outcome()
                        && boxes.get(i).intersect(boxes.get(j)).isPresent()) {
                    stronger.add(boxes.get(j));
                    names.add(Phrase.same(other.name()));
                }
            }
            if (!stronger.isEmpty() && uncovered(boxes.get(i), stronger, 1).isEmpty()) {
                dead.add(new Verification.DeadRow(
                        title(row), Phrase.same(row.name()), Findings.strongerOutcomeDecides(names)));
            }
        }
        return dead;
    }

    /** The parts of {@code region} no box covers, at most {@code limit} of them. */
    private List<Region> uncovered(Region region, List<Region> covering, int limit) {
        List<Region> found = new ArrayList<>();
        List<Region> work = new ArrayList<>();
        work.add(region);
        while (!work.isEmpty() && found.size() < limit) {
            if (++steps > MAX_STEPS || outOfTime()) {
                stopped = true;
                break;
            }
            Region box = work.remove(work.size() - 1);
            Region cutter = null;
            boolean covered = false;
            for (Region row : covering) {
                if (row.contains(box)) {
                    covered = true;
                    break;
                }
                if (cutter == null && box.intersect(row).isPresent()) {
                    cutter = row;
                }
            }
            if (covered) {
                continue;
            }
            if (cutter == null) {
                found.add(box);
            } else {
                work.addAll(box.splitBy(cutter));
            }
        }
        return found;
    }

    private boolean outOfTime() {
        if (System.nanoTime() > deadline) {
            stopped = true;
        }
        return stopped;
    }

    private Region box(TableRow row) {
        TableTemplate.Table spec = table.template().tables().get(row.table());
        Region box = Region.EVERYTHING;
        for (int c = 0; c < spec.conditions().size(); c++) {
            Criterion criterion = row.conditions().get(c);
            if (criterion == null) {
                continue;
            }
            TableTemplate.Condition condition = spec.conditions().get(c);
            Axis axis = axis(condition);
            box = box.with(axis, bound(axis, condition, criterion));
        }
        return box;
    }

    private Object bound(Axis axis, TableTemplate.Condition condition, Criterion criterion) {
        if (criterion instanceof Criterion.YesNo yesNo) {
            return Set.of(yesNo.value() ? "ja" : "nee");
        }
        if (criterion instanceof Criterion.Codes codes) {
            Set<String> chosen = new java.util.LinkedHashSet<>(codes.codes());
            if (condition.test() == Test.NONE_OF) {
                Set<String> rest = new java.util.LinkedHashSet<>(axis.values());
                rest.removeAll(chosen);
                return rest;
            }
            return chosen;
        }
        BigDecimal value = criterion instanceof Criterion.Time time
                ? BigDecimal.valueOf(time.value().getHour() * 60L + time.value().getMinute())
                : ((Criterion.Number) criterion).value();
        Region.Range range = switch (condition.test()) {
            case GREATER_THAN, EXCEEDS_PERCENTAGE_OF, ENDS_AFTER -> Region.Range.above(value, false);
            case AT_LEAST -> Region.Range.above(value, true);
            case LESS_THAN, BEFORE -> Region.Range.below(value, false);
            case AT_MOST, AT_MOST_PERCENTAGE_OF -> Region.Range.below(value, true);
            default -> Region.Range.exactly(value);
        };
        return axis.normalise(range);
    }

    /** Columns that look at the same input share one axis, so their conditions combine. */
    private Axis axis(TableTemplate.Condition condition) {
        String field = condition.field();
        String label = labels.getOrDefault(field, field);
        return switch (condition.type()) {
            case YES_NO -> axes.computeIfAbsent(field, key -> Axis.ofValues(key, label, Axis.YES_NO));
            case CODE -> {
                Axis known = axes.get(field);
                Set<String> values = Axis.valuesOf(condition.codes(), condition.open());
                if (known != null && known.values().containsAll(values)) {
                    yield known;
                }
                if (known != null) {
                    values.addAll(known.values());
                }
                Axis axis = Axis.ofValues(field, label, values);
                axes.put(field, axis);
                yield axis;
            }
            case PERCENTAGE ->
                axes.computeIfAbsent(
                        field + "%" + condition.of(),
                        key -> Axis.ofNumbers(
                                key,
                                // a ratio reads the same in both languages of the pages
                                label + " / " + labels.getOrDefault(condition.of(), condition.of()) + " (%)",
                                null,
                                BigDecimal.ZERO,
                                null,
                                Axis.Kind.PERCENTAGE));
            case TIME ->
                condition.test() == Test.ENDS_AFTER
                        // an end time past midnight counts as later than any time that day
                        ? axes.computeIfAbsent(
                                field + "~" + condition.since(),
                                key -> Axis.minutes(key, label, 2, Axis.Kind.TIME_AFTER_START))
                        : axes.computeIfAbsent(field, key -> Axis.minutes(key, label, 1, Axis.Kind.TIME));
            case INTEGER, DECIMAL ->
                axes.computeIfAbsent(
                        field,
                        key -> Axis.ofNumbers(
                                key,
                                label,
                                condition.type() == ValueType.INTEGER ? BigDecimal.ONE : null,
                                condition.min(),
                                null,
                                Axis.Kind.NUMBER));
        };
    }

    private List<Phrase> describe(Region region) {
        return region.bounds().entrySet().stream()
                .map(bound -> Phrase.of(
                        "{0}: {1}",
                        "{0}: {1}", bound.getKey().label(), bound.getKey().describe(bound.getValue())))
                .collect(Collectors.toList());
    }

    private Map<String, Phrase> example(Region region) {
        Map<String, Phrase> example = new LinkedHashMap<>();
        for (Axis axis : axes.values()) {
            example.put(axis.label(), axis.example(region.on(axis)));
        }
        return example;
    }

    private String title(TableRow row) {
        return table.template().tables().get(row.table()).title();
    }
}

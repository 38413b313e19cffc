package nl.beslisstraat.engine.workbench;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.beslisstraat.engine.regulation.PlainDecimal;
import nl.beslisstraat.engine.security.KeptForm;
import nl.beslisstraat.rules.Outcome;
import org.springframework.context.MessageSource;

/**
 * The decision form as the reviewer filled it in, exactly as typed (so that a refusal, the
 * confirmation step and an ended session give every value back), and its check in the reviewer's
 * words: each problem names the field by its label and points to it.
 *
 * @param outcome the outcome chosen, or null
 * @param amounts what was typed per amount name of the regulation
 * @param motivation the motivation as typed
 */
public record DecisionForm(String outcome, Map<String, String> amounts, String motivation) implements Serializable {

    /** The form's field of an amount: {@code amount-<name>}. */
    static final String AMOUNT_FIELD = "amount-";

    /** One thing to put right, and the id of the field it is about (the error summary links there). */
    public record Problem(String field, String message) implements Serializable {}

    /** A checked form: what will be recorded, or the problems. */
    public record Checked(Outcome outcome, Map<String, BigDecimal> amounts, String motivation, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The posted form's fields. */
    static DecisionForm of(Map<String, String> form, List<String> amountNames) {
        Map<String, String> amounts = new LinkedHashMap<>();
        amountNames.forEach(name -> amounts.put(name, form.getOrDefault(AMOUNT_FIELD + name, "")));
        return new DecisionForm(form.get("outcome"), amounts, form.get("motivation"));
    }

    /** A form kept while the session had ended. */
    static DecisionForm of(KeptForm kept, List<String> amountNames) {
        Map<String, String> fields = new LinkedHashMap<>();
        kept.fields().keySet().forEach(name -> fields.put(name, kept.value(name)));
        return of(fields, amountNames);
    }

    /**
     * The form as it first opens: the amounts the engine computed for this case filled in as values
     * (the reviewer confirms or corrects them), written as the reader writes amounts.
     */
    static DecisionForm prefilled(Map<String, String> computed, List<String> amountNames, Locale locale) {
        Map<String, String> amounts = new LinkedHashMap<>();
        boolean dutch = !locale.getLanguage().equals("en");
        amountNames.forEach(name -> {
            String value = computed.getOrDefault(name, "");
            amounts.put(name, dutch ? value.replace('.', ',') : value);
        });
        return new DecisionForm(null, amounts, null);
    }

    public String amount(String name) {
        return amounts.getOrDefault(name, "");
    }

    /** Whether any amount was typed in. */
    public boolean hasAmounts() {
        return amounts.values().stream().anyMatch(value -> value != null && !value.isBlank());
    }

    /**
     * Checks the form as {@link ReviewWork#decide} will, with messages for the reviewer. Amounts typed
     * with an outcome that grants nothing are not recorded (the confirmation says so) rather than
     * refused: the engine's amounts are filled in beforehand.
     */
    Checked check(
            Set<Outcome> allowed,
            List<Outcome> order,
            Map<String, String> labels,
            MessageSource messages,
            Locale locale) {
        List<Problem> problems = new ArrayList<>();
        Outcome chosen = outcome(allowed);
        if (chosen == null) {
            problems.add(new Problem(
                    "outcome-" + (order.isEmpty() ? "GRANTED" : order.get(0)),
                    messages.getMessage("decision.error.outcome", null, locale)));
        }
        Map<String, BigDecimal> set = new LinkedHashMap<>();
        amounts.forEach((name, typed) -> {
            String label = labels.getOrDefault(name, name);
            if (typed == null || typed.isBlank()) {
                return;
            }
            BigDecimal amount = euros(typed);
            if (amount == null) {
                problems.add(new Problem(
                        AMOUNT_FIELD + name,
                        messages.getMessage("decision.error.amount", new Object[] {label}, locale)));
            } else if (amount.signum() < 0
                    || amount.compareTo(ReviewWork.LARGEST_AMOUNT) > 0
                    || amount.stripTrailingZeros().scale() > 2) {
                problems.add(new Problem(
                        AMOUNT_FIELD + name,
                        messages.getMessage("decision.error.amountRange", new Object[] {label}, locale)));
            } else {
                set.put(name, amount);
            }
        });
        if (chosen == Outcome.PARTIALLY_GRANTED && set.isEmpty() && !amounts.isEmpty() && problems.isEmpty()) {
            // the regulation does not say which of its amounts a partial grant needs: any of them
            String first = amounts.keySet().iterator().next();
            String named = String.join(
                    ", ",
                    amounts.keySet().stream()
                            .map(name -> labels.getOrDefault(name, name))
                            .toList());
            problems.add(new Problem(
                    AMOUNT_FIELD + first,
                    messages.getMessage("decision.error.amountRequired", new Object[] {named}, locale)));
        }
        String text = motivation == null ? "" : motivation.trim();
        if (text.length() < ReviewWork.MINIMUM_MOTIVATION) {
            problems.add(new Problem(
                    "motivation",
                    messages.getMessage(
                            "decision.error.motivation", new Object[] {ReviewWork.MINIMUM_MOTIVATION}, locale)));
        }
        return new Checked(chosen, chosen != null && chosen.grants() ? set : Map.of(), text, problems);
    }

    private Outcome outcome(Set<Outcome> allowed) {
        if (outcome == null) {
            return null;
        }
        try {
            Outcome chosen = Outcome.valueOf(outcome);
            return allowed.contains(chosen) ? chosen : null;
        } catch (IllegalArgumentException notAnOutcome) {
            return null;
        }
    }

    /** An amount as people type it: 110,00 or 110.00, a thousands point with a decimal comma too. */
    private static BigDecimal euros(String typed) {
        String plain = typed.trim().replace("€", "").replace(" ", "");
        if (plain.contains(",")) {
            plain = plain.replace(".", "").replace(',', '.');
        }
        try {
            return PlainDecimal.parse(plain);
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }
}

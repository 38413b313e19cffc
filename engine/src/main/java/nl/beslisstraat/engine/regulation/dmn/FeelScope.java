package nl.beslisstraat.engine.regulation.dmn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a FEEL expression of an uploaded DMN model may use where it stands: the entries of the
 * contexts around it and the parameters of its knowledge model, then the model's input data,
 * decisions and knowledge models. Each name comes with the cost of using its value.
 */
final class FeelScope {

    /** The model's own names: input data, decisions, business knowledge models. */
    interface Model {

        /** The cost of the value of an input datum or decision of that name, or null. */
        FeelCost value(String name);

        /** The business knowledge model of that name, or null. */
        Invocable invocable(String name);
    }

    /** A business knowledge model as a caller sees it: its parameters and its body's cost. */
    record Invocable(String name, List<String> parameters, FeelCost body) {}

    private final Model model;
    private final FeelScope outer;
    private final Map<String, FeelCost> names = new HashMap<>();

    private FeelScope(Model model, FeelScope outer) {
        this.model = model;
        this.outer = outer;
    }

    static FeelScope of(Model model) {
        return new FeelScope(model, null);
    }

    /** A scope for a context's entries or a knowledge model's parameters, inside this one. */
    FeelScope inner() {
        return new FeelScope(model, this);
    }

    void define(String name, FeelCost cost) {
        names.put(name, cost);
    }

    FeelCost value(String name) {
        for (FeelScope scope = this; scope != null; scope = scope.outer) {
            FeelCost local = scope.names.get(name);
            if (local != null) {
                return local;
            }
        }
        return model.value(name);
    }

    Invocable invocable(String name) {
        for (FeelScope scope = this; scope != null; scope = scope.outer) {
            if (scope.names.containsKey(name)) {
                return null; // a local name hides the knowledge model
            }
        }
        return model.invocable(name);
    }
}

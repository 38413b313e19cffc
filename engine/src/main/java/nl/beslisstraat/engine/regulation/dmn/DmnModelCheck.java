package nl.beslisstraat.engine.regulation.dmn;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.beslisstraat.engine.regulation.BannedInputs;
import nl.beslisstraat.engine.regulation.Phrase;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.model.api.Binding;
import org.kie.dmn.model.api.BusinessKnowledgeModel;
import org.kie.dmn.model.api.ChildExpression;
import org.kie.dmn.model.api.Conditional;
import org.kie.dmn.model.api.Context;
import org.kie.dmn.model.api.ContextEntry;
import org.kie.dmn.model.api.DMNElement;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.Filter;
import org.kie.dmn.model.api.FunctionDefinition;
import org.kie.dmn.model.api.FunctionKind;
import org.kie.dmn.model.api.HasExpressionLanguage;
import org.kie.dmn.model.api.Import;
import org.kie.dmn.model.api.InformationItem;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.InputData;
import org.kie.dmn.model.api.Invocation;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.Iterator;
import org.kie.dmn.model.api.KnowledgeRequirement;
import org.kie.dmn.model.api.KnowledgeSource;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.Relation;
import org.kie.dmn.model.api.UnaryTests;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks an uploaded DMN model before the DMN engine compiles it. FEEL can call any public static
 * Java method ({@code function(..) external {java: ..}}, a function of kind Java) and the DMN engine
 * has no switch to forbid it; loops and regular expressions can stall every case. A check of the
 * XML text always misses the next spelling, so the model is read the way the engine reads it:
 *
 * <ol>
 *   <li>the bytes by a hardened XML parser first (no DOCTYPE, so no entities: no XXE, no billion
 *       laughs), at most 2 MB, DMN 1.2 or later (DMN 1.1 takes a function's kind from an extension);
 *   <li>the model by kie-dmn's own reader ({@code DMNMarshaller}), into its elements: no imports,
 *       only input data that are fields of the application, a decision {@code Besluit};
 *   <li>every FEEL text (literal expressions, decision-table input expressions, input and output
 *       entries, allowed values, invocation bindings, contexts, relations, lists, conditionals) by
 *       kie-dmn's FEEL parser into its syntax tree, each node held against {@link FeelAllowList};
 *       boxed function definitions, iterators and filters are refused, a business knowledge model
 *       must be of kind FEEL and must not call itself, directly or through others;
 *   <li>the model's size with every reference and call written out ({@link FeelCost}) against
 *       {@link #MAX_COST}: with no loops and no recursion that bounds the work of one decision.
 * </ol>
 *
 * Each problem is reported in Dutch and English with the element (id, name) and the construct: the
 * officer's pages show the page's language, the API the Dutch.
 */
public final class DmnModelCheck {

    /**
     * DMN 1.2 and later. DMN 1.1 is refused: there the engine takes a function's kind from its own
     * extension attribute ({@code drools:kind}), another road to Java.
     */
    private static final Set<String> DMN_NAMESPACES = Set.of(
            "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            "https://www.omg.org/spec/DMN/20211108/MODEL/",
            "https://www.omg.org/spec/DMN/20230324/MODEL/");

    private static final Set<String> FEEL_LANGUAGES = Set.of(
            "http://www.omg.org/spec/DMN/20180521/FEEL/",
            "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/",
            "https://www.omg.org/spec/DMN/20230324/FEEL/");

    /**
     * The most steps deciding one case may take, counted as {@link FeelCost} counts them. The
     * parking-permit model (11 rules of 17 cells) counts about 3,600; a model fifty times that
     * size still decides in milliseconds, one that doubles its value at every step does not pass.
     */
    static final long MAX_COST = 200_000;
    /** The decision the engine evaluates (the regulation package's {@code DmnDecision}). */
    private static final String DECISION = "Besluit";
    /** Enough to fix a model; a hostile one does not fill the officer's screen. */
    private static final int MAX_PROBLEMS = 25;

    /** Larger uploads are refused unread. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private DmnModelCheck() {}

    /**
     * The problems in Dutch, as the API gives them.
     *
     * @param inputs the names the model may take as input data: the application's fields and
     *     {@code referenceDate}
     */
    public static List<String> check(byte[] model, Set<String> inputs) {
        return phrases(model, inputs).stream().map(Phrase::nl).toList();
    }

    /** The problems in both languages, for a page to show in its own. */
    public static List<Phrase> phrases(byte[] model, Set<String> inputs) {
        if (model.length > MAX_BYTES) {
            return List.of(Phrase.of(
                    "Het bestand is groter dan {0} MB.", "The file is larger than {0} MB.", MAX_BYTES / 1024 / 1024));
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(model));
        } catch (Exception unreadable) {
            return List.of(Phrase.of(
                    "Het bestand is geen leesbaar DMN-model (XML in UTF-8, zonder DOCTYPE): {0}",
                    "The file is not a readable DMN model (XML in UTF-8, without DOCTYPE): {0}",
                    Phrase.same(unreadable.getMessage())));
        }
        Element root = document.getDocumentElement();
        if (!"definitions".equals(root.getLocalName()) || !DMN_NAMESPACES.contains(root.getNamespaceURI())) {
            return List.of(new Phrase(
                    "Het bestand is geen DMN-model: het hoofdelement moet <definitions> in"
                            + " de namespace van DMN 1.2 of later zijn.",
                    "The file is not a DMN model: the root element must be <definitions> in"
                            + " the namespace of DMN 1.2 or later."));
        }
        if (document.getInputEncoding() != null && !document.getInputEncoding().equalsIgnoreCase("UTF-8")) {
            // the DMN reader below gets the same bytes as UTF-8 text: no second reading of them
            return List.of(Phrase.of(
                    "Het bestand moet in UTF-8 zijn, niet {0}",
                    "The file must be in UTF-8, not {0}", Phrase.same(document.getInputEncoding())));
        }
        Definitions definitions;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(model), StandardCharsets.UTF_8)) {
            definitions = DMNMarshallerFactory.newDefaultMarshaller().unmarshal(reader);
        } catch (Exception unreadable) {
            return List.of(Phrase.of(
                    "Het bestand is geen leesbaar DMN-model: {0}",
                    "The file is not a readable DMN model: {0}", Phrase.same(unreadable.getMessage())));
        }
        if (definitions == null) {
            return List.of(
                    new Phrase("Het bestand is geen leesbaar DMN-model.", "The file is not a readable DMN model."));
        }
        return new ModelWalk(definitions, inputs)
                .problems().stream().limit(MAX_PROBLEMS).toList();
    }

    /** One walk over a model's elements; also the model's names for {@link FeelScope}. */
    private static final class ModelWalk implements FeelScope.Model {

        private final Definitions definitions;
        private final Set<String> applicationFields;
        private final Set<String> inputData = new HashSet<>();
        private final Map<String, Decision> decisions = new LinkedHashMap<>();
        private final Map<String, BusinessKnowledgeModel> knowledgeModels = new LinkedHashMap<>();
        private final Map<String, Type> parserNames = new HashMap<>();
        private final Set<Phrase> problems = new LinkedHashSet<>();
        private final Map<String, FeelCost> decisionCosts = new HashMap<>();
        private final Map<String, FeelScope.Invocable> invocables = new HashMap<>();
        /** Decisions and knowledge models whose cost is being worked out: a name met again is a cycle. */
        private final Deque<String> underway = new ArrayDeque<>();

        ModelWalk(Definitions definitions, Set<String> applicationFields) {
            this.definitions = definitions;
            this.applicationFields = applicationFields;
            for (DRGElement element : definitions.getDrgElement()) {
                if (element instanceof InputData input) {
                    inputData.add(input.getName());
                } else if (element instanceof Decision decision) {
                    decisions.put(decision.getName(), decision);
                } else if (element instanceof BusinessKnowledgeModel bkm) {
                    knowledgeModels.put(bkm.getName(), bkm);
                }
            }
            collectNames(definitions);
        }

        List<Phrase> problems() {
            if (definitions.getExpressionLanguage() != null
                    && !FEEL_LANGUAGES.contains(definitions.getExpressionLanguage())) {
                problems.add(Phrase.of(
                        "Het model gebruikt expressietaal '{0}'; alleen FEEL is toegestaan.",
                        "The model uses expression language '{0}'; only FEEL is allowed.",
                        Phrase.same(definitions.getExpressionLanguage())));
            }
            for (Import imported : definitions.getImport()) {
                problems.add(Phrase.of(
                        "element <import>{0}: een model mag geen andere modellen of PMML importeren.",
                        "element <import>{0}: a model may not import other models or PMML.",
                        Phrase.same(named(imported.getName()))));
            }
            for (ItemDefinition type : definitions.getItemDefinition()) {
                itemDefinition(type);
            }
            for (DRGElement element : definitions.getDrgElement()) {
                if (element instanceof InputData input) {
                    java.util.Optional<BannedInputs.Match> banned = BannedInputs.match(input.getName());
                    if (banned.isPresent()) {
                        problems.add(Phrase.of(
                                "invoer '{0}' ({1}): {2}",
                                "input '{0}' ({1}): {2}",
                                Phrase.same(input.getName()),
                                Phrase.same(input.getId()),
                                banned.get().phrase()));
                    } else if (!applicationFields.contains(input.getName())) {
                        problems.add(Phrase.of(
                                "invoer '{0}' ({1}): dat is geen gegeven van de aanvraag; kies uit {2}.",
                                "input '{0}' ({1}): that is not a field of the application; choose from {2}.",
                                Phrase.same(input.getName()),
                                Phrase.same(input.getId()),
                                Phrase.same(applicationFields.toString())));
                    }
                } else if (element instanceof Decision decision) {
                    FeelCost cost = decisionCost(decision.getName());
                    if (cost.size() > MAX_COST) {
                        problems.add(Phrase.of(
                                "beslissing '{0}': met alle verwijzingen en aanroepen uitgeschreven telt die meer"
                                        + " dan {1} stappen ({2}); een beslissing moet in korte tijd te nemen zijn.",
                                "decision '{0}': with every reference and call written out it counts more than {1}"
                                        + " steps ({2}); a decision must be made in a short time.",
                                Phrase.same(decision.getName()),
                                MAX_COST,
                                cost.size()));
                    }
                } else if (element instanceof BusinessKnowledgeModel bkm) {
                    invocable(bkm.getName());
                } else if (!(element instanceof KnowledgeSource)) {
                    problems.add(Phrase.of(
                            "element '{0}' ({1}): een {2} is niet toegestaan; een model bestaat uit invoer,"
                                    + " beslissingen, business knowledge models en kennisbronnen.",
                            "element '{0}' ({1}): a {2} is not allowed; a model consists of inputs, decisions,"
                                    + " business knowledge models and knowledge sources.",
                            Phrase.same(element.getName()),
                            Phrase.same(element.getId()),
                            Phrase.same(kind(element))));
                }
            }
            knowledgeRequirementCycles();
            if (!decisions.containsKey(DECISION)) {
                problems.add(new Phrase(
                        "Het model heeft geen beslissing met de naam 'Besluit'; die levert de bevindingen"
                                + " (outcome, reasonCode, motivationNl, motivationEn, bedragen).",
                        "The model has no decision named 'Besluit'; it gives the findings"
                                + " (outcome, reasonCode, motivationNl, motivationEn, amounts)."));
            }
            return new ArrayList<>(problems);
        }

        @Override
        public FeelCost value(String name) {
            if (inputData.contains(name)) {
                return FeelCost.ONE;
            }
            return decisions.containsKey(name) ? decisionCost(name) : null;
        }

        @Override
        public FeelScope.Invocable invocable(String name) {
            if (!knowledgeModels.containsKey(name)) {
                return null;
            }
            FeelScope.Invocable known = invocables.get(name);
            if (known != null) {
                return known;
            }
            if (underway.contains(name)) {
                recursion(name);
                return new FeelScope.Invocable(name, List.of(), FeelCost.ONE);
            }
            underway.push(name);
            BusinessKnowledgeModel bkm = knowledgeModels.get(name);
            Phrase owner = Phrase.same("business knowledge model '" + name + "'");
            FunctionDefinition logic = bkm.getEncapsulatedLogic();
            List<String> parameters = new ArrayList<>();
            FeelCost body = FeelCost.ONE;
            if (logic == null) {
                problems.add(Phrase.of(
                        "{0}: heeft geen inhoud (encapsulatedLogic).",
                        "{0}: has no content (encapsulatedLogic).", owner));
            } else if (functionKind(logic, owner)) {
                FeelScope scope = FeelScope.of(this).inner();
                for (InformationItem parameter : logic.getFormalParameter()) {
                    parameters.add(parameter.getName());
                    scope.define(parameter.getName(), FeelCost.parameter(parameter.getName()));
                }
                body = expression(logic.getExpression(), scope, owner);
            }
            underway.pop();
            FeelScope.Invocable invocable = new FeelScope.Invocable(name, parameters, body);
            invocables.put(name, invocable);
            return invocable;
        }

        private FeelCost decisionCost(String name) {
            FeelCost known = decisionCosts.get(name);
            if (known != null) {
                return known;
            }
            if (underway.contains(name)) {
                recursion(name);
                return FeelCost.ONE;
            }
            underway.push(name);
            FeelCost cost = expression(decisions.get(name).getExpression(), FeelScope.of(this), decisionNamed(name));
            underway.pop();
            decisionCosts.put(name, cost);
            return cost;
        }

        private void recursion(String name) {
            List<String> cycle = new ArrayList<>();
            java.util.Iterator<String> outward = underway.descendingIterator();
            boolean inCycle = false;
            while (outward.hasNext()) {
                String step = outward.next();
                inCycle |= step.equals(name);
                if (inCycle) {
                    cycle.add(step);
                }
            }
            cycle.add(name);
            problems.add(Phrase.of(
                    "'{0}' roept zichzelf aan ({1}); recursie is niet toegestaan: die kan eindeloos doorgaan.",
                    "'{0}' calls itself ({1}); recursion is not allowed: it can go on without end.",
                    Phrase.same(name),
                    Phrase.same(String.join(" -> ", cycle))));
        }

        /** Knowledge requirements between knowledge models must not go round either. */
        private void knowledgeRequirementCycles() {
            Map<String, String> nameById = new HashMap<>();
            knowledgeModels.values().forEach(bkm -> nameById.put(bkm.getId(), bkm.getName()));
            Map<String, List<String>> requires = new HashMap<>();
            for (BusinessKnowledgeModel bkm : knowledgeModels.values()) {
                List<String> required = new ArrayList<>();
                for (KnowledgeRequirement requirement : bkm.getKnowledgeRequirement()) {
                    if (requirement.getRequiredKnowledge() != null
                            && requirement.getRequiredKnowledge().getHref() != null) {
                        String href = requirement.getRequiredKnowledge().getHref();
                        String target = nameById.get(href.substring(href.indexOf('#') + 1));
                        if (target != null) {
                            required.add(target);
                        }
                    }
                }
                requires.put(bkm.getName(), required);
            }
            Set<String> done = new HashSet<>();
            for (String start : requires.keySet()) {
                cycleFrom(start, requires, new ArrayDeque<>(), done);
            }
        }

        private void cycleFrom(String name, Map<String, List<String>> requires, Deque<String> path, Set<String> done) {
            if (path.contains(name)) {
                List<String> cycle = new ArrayList<>();
                boolean inCycle = false;
                for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
                    String step = it.next();
                    inCycle |= step.equals(name);
                    if (inCycle) {
                        cycle.add(step);
                    }
                }
                cycle.add(name);
                problems.add(Phrase.of(
                        "'{0}' vereist zichzelf ({1}); recursie is niet toegestaan: die kan eindeloos doorgaan.",
                        "'{0}' requires itself ({1}); recursion is not allowed: it can go on without end.",
                        Phrase.same(name),
                        Phrase.same(String.join(" -> ", cycle))));
                return;
            }
            if (!done.add(name)) {
                return;
            }
            path.push(name);
            for (String next : requires.getOrDefault(name, List.of())) {
                cycleFrom(next, requires, path, done);
            }
            path.pop();
        }

        /** Whether a function is FEEL: any other kind (Java, PMML), also by extension attribute, calls code. */
        private boolean functionKind(FunctionDefinition function, Phrase owner) {
            boolean feel = true;
            if (function.getKind() != null && function.getKind() != FunctionKind.FEEL) {
                problems.add(codeCalled(
                        owner.then(where(function)), function.getKind().value()));
                feel = false;
            }
            for (Map.Entry<QName, String> attribute :
                    function.getAdditionalAttributes().entrySet()) {
                if (attribute.getKey().getLocalPart().equals("kind")) {
                    problems.add(codeCalled(owner.then(where(function)), attribute.getValue()));
                    feel = false;
                }
            }
            return feel;
        }

        private static Phrase codeCalled(Phrase place, String kind) {
            return Phrase.of(
                    "{0}: functies van soort '{1}' roepen code aan; alleen FEEL is toegestaan.",
                    "{0}: functions of kind '{1}' call code; only FEEL is allowed.", place, Phrase.same(kind));
        }

        private FeelCost expression(Expression expression, FeelScope scope, Phrase owner) {
            if (expression == null) {
                return FeelCost.ONE;
            }
            Phrase place = owner.then(where(expression));
            if (expression instanceof LiteralExpression literal) {
                if (literal.getImportedValues() != null) {
                    problems.add(Phrase.of(
                            "{0}: geïmporteerde waarden zijn niet toegestaan.",
                            "{0}: imported values are not allowed.", place));
                }
                return feel(literal.getText(), literal, false, scope, place);
            }
            if (expression instanceof UnaryTests) {
                problems.add(Phrase.of(
                        "{0}: unary tests horen alleen in een beslistabel.",
                        "{0}: unary tests belong in a decision table only.", place));
                return FeelCost.ONE;
            }
            if (expression instanceof DecisionTable table) {
                return decisionTable(table, scope, owner);
            }
            if (expression instanceof Context context) {
                FeelScope entries = scope.inner();
                FeelCost cost = FeelCost.ONE;
                for (ContextEntry entry : context.getContextEntry()) {
                    FeelCost value = expression(entry.getExpression(), entries, owner);
                    if (entry.getVariable() != null) {
                        entries.define(entry.getVariable().getName(), value);
                    }
                    cost = cost.plus(value);
                }
                return cost;
            }
            if (expression instanceof Invocation invocation) {
                return invocation(invocation, scope, owner, place);
            }
            if (expression instanceof Relation relation) {
                FeelCost cost = FeelCost.ONE;
                for (org.kie.dmn.model.api.List row : relation.getRow()) {
                    cost = cost.plus(expression(row, scope, owner));
                }
                return cost;
            }
            if (expression instanceof org.kie.dmn.model.api.List list) {
                if (list.getExpression().size() > FeelAllowList.MAX_LIST) {
                    problems.add(Phrase.of(
                            "{0}: een lijst van {1} elementen is langer dan de toegestane {2}.",
                            "{0}: a list of {1} elements is longer than the allowed {2}.",
                            place,
                            list.getExpression().size(),
                            FeelAllowList.MAX_LIST));
                }
                FeelCost cost = FeelCost.ONE;
                for (Expression element : list.getExpression()) {
                    cost = cost.plus(expression(element, scope, owner));
                }
                return cost;
            }
            if (expression instanceof Conditional conditional) {
                FeelCost cost = FeelCost.ONE;
                for (ChildExpression part :
                        new ChildExpression[] {conditional.getIf(), conditional.getThen(), conditional.getElse()}) {
                    cost = cost.plus(part == null ? FeelCost.ONE : expression(part.getExpression(), scope, owner));
                }
                return cost;
            }
            if (expression instanceof FunctionDefinition function) {
                functionKind(function, owner);
                problems.add(Phrase.of(
                        "{0}: een functiedefinitie is niet toegestaan; schrijf herbruikbare logica als"
                                + " business knowledge model.",
                        "{0}: a function definition is not allowed; write reusable logic as a"
                                + " business knowledge model.",
                        place));
                return FeelCost.ONE;
            }
            if (expression instanceof Iterator) {
                problems.add(Phrase.of(
                        "{0}: een herhaling (for, some, every) is niet toegestaan.",
                        "{0}: a loop (for, some, every) is not allowed.", place));
                return FeelCost.ONE;
            }
            if (expression instanceof Filter) {
                problems.add(Phrase.of(
                        "{0}: een filter (een herhaling over een lijst) is niet toegestaan.",
                        "{0}: a filter (a loop over a list) is not allowed.", place));
                return FeelCost.ONE;
            }
            problems.add(Phrase.of(
                    "{0}: een {1} staat niet op de lijst van toegestane onderdelen.",
                    "{0}: a {1} is not on the list of allowed parts.", place, Phrase.same(kind(expression))));
            return FeelCost.ONE;
        }

        private FeelCost decisionTable(DecisionTable table, FeelScope scope, Phrase owner) {
            FeelCost cost = FeelCost.ONE;
            for (InputClause input : table.getInput()) {
                // what a column is called says what it looks at, as much as its expression
                for (String named : java.util.Arrays.asList(
                        input.getLabel(),
                        input.getInputExpression() == null
                                ? null
                                : input.getInputExpression().getText())) {
                    BannedInputs.match(named)
                            .ifPresent(match -> problems.add(
                                    Phrase.of("{0}, invoerkolom {1}", "{0}, input column {1}", owner, match.phrase())));
                }
                cost = cost.plus(expression(input.getInputExpression(), scope, owner));
                cost = cost.plus(unaryTests(input.getInputValues(), scope, owner));
            }
            for (OutputClause output : table.getOutput()) {
                cost = cost.plus(unaryTests(output.getOutputValues(), scope, owner));
                cost = cost.plus(expression(output.getDefaultOutputEntry(), scope, owner));
            }
            for (DecisionRule rule : table.getRule()) {
                for (UnaryTests entry : rule.getInputEntry()) {
                    cost = cost.plus(unaryTests(entry, scope, owner));
                }
                for (LiteralExpression entry : rule.getOutputEntry()) {
                    cost = cost.plus(expression(entry, scope, owner));
                }
            }
            return cost;
        }

        private FeelCost unaryTests(UnaryTests tests, FeelScope scope, Phrase owner) {
            if (tests == null) {
                return FeelCost.ONE;
            }
            return feel(tests.getText(), tests, true, scope, owner.then(where(tests)));
        }

        private FeelCost invocation(Invocation invocation, FeelScope scope, Phrase owner, Phrase place) {
            Map<String, FeelCost> arguments = new HashMap<>();
            FeelCost cost = FeelCost.ONE;
            for (Binding binding : invocation.getBinding()) {
                FeelCost argument = expression(binding.getExpression(), scope, owner);
                if (binding.getParameter() != null) {
                    arguments.put(binding.getParameter().getName(), argument);
                }
                cost = cost.plus(argument);
            }
            String called = invocation.getExpression() instanceof LiteralExpression name && name.getText() != null
                    ? name.getText().strip()
                    : null;
            FeelScope.Invocable invocable = called == null ? null : scope.invocable(called);
            if (invocable == null) {
                problems.add(Phrase.of(
                        "{0}: een aanroep (invocation) mag alleen een business knowledge model van dit model"
                                + " aanroepen, niet '{1}'.",
                        "{0}: an invocation may only call a business knowledge model of this model, not '{1}'.",
                        place,
                        Phrase.same(called == null ? "?" : called)));
                return cost;
            }
            return cost.plus(invocable.body().calledWith(arguments));
        }

        private FeelCost feel(
                String text, DMNModelInstrumentedBase element, boolean unaryTests, FeelScope scope, Phrase place) {
            if (element instanceof HasExpressionLanguage language
                    && language.getExpressionLanguage() != null
                    && !FEEL_LANGUAGES.contains(language.getExpressionLanguage())) {
                problems.add(Phrase.of(
                        "{0}: expressietaal '{1}'; alleen FEEL is toegestaan.",
                        "{0}: expression language '{1}'; only FEEL is allowed.",
                        place,
                        Phrase.same(language.getExpressionLanguage())));
                return FeelCost.ONE;
            }
            Consumer<Phrase> report = problem -> problems.add(Phrase.of("{0}: {1}.", "{0}: {1}.", place, problem));
            return unaryTests
                    ? FeelAllowList.unaryTests(text, scope, parserNames, report)
                    : FeelAllowList.expression(text, scope, parserNames, report);
        }

        /** Allowed values of a type are constants: they may name nothing of the model. */
        private void itemDefinition(ItemDefinition type) {
            Phrase owner = Phrase.same("itemDefinition '" + type.getName() + "'");
            FeelScope constants = FeelScope.of(new FeelScope.Model() {
                @Override
                public FeelCost value(String name) {
                    return null;
                }

                @Override
                public FeelScope.Invocable invocable(String name) {
                    return null;
                }
            });
            unaryTests(type.getAllowedValues(), constants, owner);
            if (type.getTypeConstraint() != type.getAllowedValues()) {
                unaryTests(type.getTypeConstraint(), constants, owner);
            }
            for (ItemDefinition component : type.getItemComponent()) {
                itemDefinition(component);
            }
        }

        /** Every name the model defines, so that FEEL's parser reads names with spaces as one. */
        private void collectNames(DMNModelInstrumentedBase element) {
            if (element instanceof InformationItem item && item.getName() != null) {
                parserNames.put(item.getName(), BuiltInType.UNKNOWN);
            } else if (element instanceof DRGElement named && named.getName() != null) {
                parserNames.put(named.getName(), BuiltInType.UNKNOWN);
            } else if (element instanceof ItemDefinition type && type.getName() != null) {
                parserNames.put(type.getName(), BuiltInType.UNKNOWN);
            }
            for (DMNModelInstrumentedBase child : element.getChildren()) {
                collectNames(child);
            }
        }

        private static Phrase where(Object element) {
            if (element instanceof DMNElement dmn && dmn.getId() != null) {
                return Phrase.same(", element '" + dmn.getId() + "'");
            }
            return Phrase.same("");
        }

        private static Phrase decisionNamed(String name) {
            return Phrase.of("beslissing '{0}'", "decision '{0}'", Phrase.same(name));
        }

        /** An element's kind as DMN names it: {@code TDecisionService} is a decisionService. */
        private static String kind(Object element) {
            String name = element.getClass().getSimpleName().replaceFirst("^T(?=[A-Z])", "");
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }

        private static String named(String name) {
            return name == null ? "" : " '" + name + "'";
        }
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}

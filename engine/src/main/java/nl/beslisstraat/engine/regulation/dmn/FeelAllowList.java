package nl.beslisstraat.engine.regulation.dmn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.beslisstraat.engine.regulation.Phrase;
import org.antlr.v4.runtime.tree.ParseTree;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.AtLiteralNode;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.ast.BetweenNode;
import org.kie.dmn.feel.lang.ast.BooleanNode;
import org.kie.dmn.feel.lang.ast.ContextEntryNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.DashNode;
import org.kie.dmn.feel.lang.ast.FilterExpressionNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.IfExpressionNode;
import org.kie.dmn.feel.lang.ast.InNode;
import org.kie.dmn.feel.lang.ast.InfixOpNode;
import org.kie.dmn.feel.lang.ast.InfixOperator;
import org.kie.dmn.feel.lang.ast.InstanceOfNode;
import org.kie.dmn.feel.lang.ast.ListNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.NamedParameterNode;
import org.kie.dmn.feel.lang.ast.NullNode;
import org.kie.dmn.feel.lang.ast.NumberNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.feel.lang.ast.SignedUnaryNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.kie.dmn.feel.lang.ast.UnaryTestListNode;
import org.kie.dmn.feel.lang.ast.UnaryTestNode;
import org.kie.dmn.feel.lang.ast.UndefinedValueNode;
import org.kie.dmn.feel.lang.impl.FEELEventListenersManager;
import org.kie.dmn.feel.lang.types.DefaultBuiltinFEELTypeRegistry;
import org.kie.dmn.feel.parser.feel11.ASTBuilderVisitor;
import org.kie.dmn.feel.parser.feel11.FEELParser;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Parser;
import org.kie.dmn.feel.runtime.events.SyntaxErrorEvent;

/**
 * Checks one FEEL text of an uploaded DMN model on its syntax tree, as kie-dmn's own parser builds
 * it, against an allow-list: what is not listed here is refused, whatever its spelling, its XML
 * wrapping or its comments. Parsing builds the tree only; nothing of the model runs.
 *
 * <p>Allowed: literals (number, string, boolean, null, {@code @"..."} dates and times), names of
 * input data, decisions, context entries and knowledge-model parameters, fields of those
 * ({@code a.b}), arithmetic without {@code **}, comparisons, {@code and}/{@code or},
 * {@code between}, {@code in}, {@code instance of}, {@code if then else}, lists, contexts, ranges and
 * unary tests, a list element by its position ({@code list[1]}), and calls of the {@link
 * #FUNCTIONS} and of the model's business knowledge models. Refused: function definitions (among
 * them {@code external} Java functions), {@code for}/{@code some}/{@code every}, filters with a
 * condition (each one a loop over a list: {@code list[item > 3]}), the regular-expression
 * functions, functions as values, and anything else. Literals, lists, nesting and size are bounded.
 */
final class FeelAllowList {

    /**
     * FEEL's built-in functions an officer's model may call: each one takes time in proportion to
     * the size of its arguments, which are bounded, and gives the same answer for the same case.
     * Left out: regular expressions (matches, replace, split: a pattern such as {@code (a+)+$}
     * backtracks for minutes on a short text), {@code now()} and {@code today()} (a decision depends
     * on the case's reference date, never on the clock), functions that sort or take functions, and
     * the rest of the list (not needed for decision tables; added here once a regulation needs one).
     */
    static final Set<String> FUNCTIONS = Set.of(
            // conversion
            "date",
            "time",
            "date and time",
            "duration",
            "years and months duration",
            "number",
            "string",
            // numbers
            "decimal",
            "floor",
            "ceiling",
            "round up",
            "round down",
            "round half up",
            "round half down",
            "abs",
            "modulo",
            "odd",
            "even",
            // text
            "substring",
            "substring before",
            "substring after",
            "string length",
            "upper case",
            "lower case",
            "contains",
            "starts with",
            "ends with",
            // lists
            "list contains",
            "count",
            "min",
            "max",
            "sum",
            "mean",
            "all",
            "any",
            // dates
            "day of week",
            "day of year",
            "month of year",
            "week of year",
            // logic
            "not",
            "is defined");

    private static final Phrase REGULAR_EXPRESSIONS = new Phrase(
            "werkt met reguliere expressies; een patroon kan minutenlang rekenen",
            "works with regular expressions; a pattern can take minutes to compute");
    private static final Phrase CLOCK =
            new Phrase("hangt af van de klok; gebruik referenceDate", "depends on the clock; use referenceDate");
    private static final Map<String, Phrase> REFUSED_FUNCTIONS = Map.of(
            "matches", REGULAR_EXPRESSIONS,
            "replace", REGULAR_EXPRESSIONS,
            "split", REGULAR_EXPRESSIONS,
            "now", CLOCK,
            "today", CLOCK);

    /** Longer than any condition or motivation; the parser itself is not asked more. */
    static final int MAX_TEXT = 10_000;

    static final int MAX_STRING = 1_000;
    /** More than any amount or percentage needs; FEEL numbers have 34 significant digits anyway. */
    static final int MAX_DIGITS = 40;

    static final int MAX_LIST = 100;
    /** Brackets nested deeper than this are refused before parsing: the parser descends once per bracket. */
    static final int MAX_BRACKETS = 30;
    /** A chain of 50 {@code and}s or {@code +}s is one level per operator in the tree. */
    static final int MAX_DEPTH = 50;

    static final int MAX_NODES = 2_000;

    private final Consumer<Phrase> problems;
    private int nodes;
    private boolean tooBig;
    private boolean tooDeep;

    private FeelAllowList(Consumer<Phrase> problems) {
        this.problems = problems;
    }

    /**
     * Checks an expression (a literal expression, an output entry, an input expression).
     *
     * @param parserNames every name the model defines: FEEL can only read a name with spaces in it
     *     (such as {@code vehicle length}) when it knows the name
     * @param problems receives one sentence per problem, in Dutch and English, without the place
     * @return the expression's cost, to hold the whole model against its bound
     */
    static FeelCost expression(String text, FeelScope scope, Map<String, Type> parserNames, Consumer<Phrase> problems) {
        return check(text, false, scope, parserNames, problems);
    }

    /** Checks unary tests (a decision table's input entry, allowed values), where {@code ?} is the input. */
    static FeelCost unaryTests(String text, FeelScope scope, Map<String, Type> parserNames, Consumer<Phrase> problems) {
        return check(text, true, scope, parserNames, problems);
    }

    private static FeelCost check(
            String text,
            boolean unaryTests,
            FeelScope scope,
            Map<String, Type> parserNames,
            Consumer<Phrase> problems) {
        if (text == null || text.isBlank()) {
            return FeelCost.ONE;
        }
        if (text.length() > MAX_TEXT) {
            problems.accept(Phrase.of(
                    "de expressie is {0} tekens lang, langer dan de toegestane {1}",
                    "the expression is {0} characters long, longer than the allowed {1}", text.length(), MAX_TEXT));
            return FeelCost.ONE;
        }
        // ANTLR descends once per bracket: very deep nesting would overflow the stack while parsing.
        if (bracketDepth(text) > MAX_BRACKETS) {
            problems.accept(Phrase.of(
                    "de expressie is dieper genest dan {0} haakjes",
                    "the expression is nested deeper than {0} brackets", MAX_BRACKETS));
            return FeelCost.ONE;
        }
        List<String> syntaxErrors = new ArrayList<>();
        FEELEventListenersManager events = new FEELEventListenersManager();
        events.addListener(event -> {
            if (event instanceof SyntaxErrorEvent && event.getSeverity() == FEELEvent.Severity.ERROR) {
                syntaxErrors.add(event.getMessage());
            }
        });
        BaseNode tree;
        try {
            FEEL_1_1Parser parser = FEELParser.parse(
                    events, text, parserNames, Map.of(), List.of(), List.of(), DefaultBuiltinFEELTypeRegistry.INSTANCE);
            ParseTree parsed = unaryTests ? parser.unaryTestsRoot() : parser.compilation_unit();
            tree = parsed.accept(new ASTBuilderVisitor(parserNames, DefaultBuiltinFEELTypeRegistry.INSTANCE));
        } catch (RuntimeException | StackOverflowError unreadable) {
            problems.accept(new Phrase("de FEEL-expressie is onleesbaar", "the FEEL expression cannot be read"));
            return FeelCost.ONE;
        }
        if (!syntaxErrors.isEmpty() || tree == null) {
            problems.accept(Phrase.of(
                    "de FEEL-expressie is onleesbaar ({0})",
                    "the FEEL expression cannot be read ({0})",
                    syntaxErrors.isEmpty() ? new Phrase("leeg", "empty") : Phrase.same(syntaxErrors.get(0))));
            return FeelCost.ONE;
        }
        FeelAllowList check = new FeelAllowList(problems);
        return check.walk(tree, 0, scope, unaryTests);
    }

    private FeelCost walk(ASTNode node, int depth, FeelScope scope, boolean unaryTests) {
        if (node == null) {
            return FeelCost.ONE;
        }
        if (depth > MAX_DEPTH) {
            if (!tooDeep) {
                problems.accept(Phrase.of(
                        "de expressie is dieper genest dan {0} niveaus",
                        "the expression is nested deeper than {0} levels", MAX_DEPTH));
                tooDeep = true;
            }
            return FeelCost.ONE;
        }
        if (++nodes > MAX_NODES) {
            if (!tooBig) {
                problems.accept(Phrase.of(
                        "de expressie heeft meer dan {0} onderdelen",
                        "the expression has more than {0} parts", MAX_NODES));
                tooBig = true;
            }
            return FeelCost.ONE;
        }
        int next = depth + 1;
        if (node instanceof NumberNode number) {
            // the text, not the value: FEEL rounds a number to 34 digits as it reads it
            String text = number.getText() == null ? "" : number.getText();
            if (text.chars().filter(Character::isDigit).count() > MAX_DIGITS) {
                problems.accept(Phrase.of(
                        "het getal {0} heeft meer dan {1} cijfers",
                        "the number {0} has more than {1} digits", Phrase.same(abbreviated(text)), MAX_DIGITS));
            }
            return FeelCost.ONE;
        }
        if (node instanceof StringNode string) {
            String value = string.getValue() == null ? "" : string.getValue();
            if (value.length() > MAX_STRING) {
                problems.accept(Phrase.of(
                        "een tekst van {0} tekens is langer dan de toegestane {1}",
                        "a text of {0} characters is longer than the allowed {1}", value.length(), MAX_STRING));
            }
            return FeelCost.of(Math.max(1, value.length()));
        }
        if (node instanceof AtLiteralNode at) {
            if (at.getText() != null && at.getText().length() > 100) {
                problems.accept(new Phrase(
                        "een datum- of tijdwaarde van meer dan 100 tekens",
                        "a date or time value of more than 100 characters"));
            }
            return FeelCost.ONE;
        }
        if (node instanceof BooleanNode
                || node instanceof NullNode
                || node instanceof DashNode
                || node instanceof UndefinedValueNode) {
            return FeelCost.ONE;
        }
        if (node instanceof NameRefNode name) {
            return name(name.getText(), scope, unaryTests);
        }
        if (node instanceof QualifiedNameNode qualified) {
            // a.b.c: a is a name in scope, b and c are fields of its value
            return name(qualified.getParts().get(0).getText(), scope, unaryTests);
        }
        if (node instanceof PathExpressionNode path) {
            if (!(path.getName() instanceof NameRefNode)) {
                return refused(
                        path,
                        new Phrase(
                                "een veld kan alleen met zijn naam worden gelezen",
                                "a field can only be read by its name"));
            }
            return walk(path.getExpression(), next, scope, unaryTests).plus(1);
        }
        if (node instanceof InfixOpNode infix && infix.getOperator() == InfixOperator.POW) {
            return refused(
                    infix,
                    new Phrase(
                            "machtsverheffen ('**') is niet toegestaan: een grote exponent rekent onbegrensd lang",
                            "raising to a power ('**') is not allowed: a large exponent computes without bound"));
        }
        if (node instanceof ListNode || node instanceof UnaryTestListNode) {
            int size = node.getChildrenNode().length;
            if (size > MAX_LIST) {
                problems.accept(Phrase.of(
                        "een lijst van {0} elementen is langer dan de toegestane {1}",
                        "a list of {0} elements is longer than the allowed {1}", size, MAX_LIST));
            }
            return children(node, next, scope, unaryTests);
        }
        if (node instanceof InfixOpNode
                || node instanceof SignedUnaryNode
                || node instanceof BetweenNode
                || node instanceof InNode
                || node instanceof InstanceOfNode
                || node instanceof IfExpressionNode
                || node instanceof RangeNode
                || node instanceof UnaryTestNode) {
            return children(node, next, scope, unaryTests);
        }
        if (node instanceof ContextNode context) {
            FeelScope entries = scope.inner();
            FeelCost cost = FeelCost.ONE;
            for (ContextEntryNode entry : context.getEntries()) {
                FeelCost value = walk(entry.getValue(), next, entries, unaryTests);
                entries.define(entryName(entry), value);
                cost = cost.plus(value);
            }
            return cost;
        }
        if (node instanceof FunctionInvocationNode call) {
            return call(call, next, scope, unaryTests);
        }
        if (node instanceof FilterExpressionNode filter) {
            if (!isPosition(filter.getFilter())) {
                return refused(
                        filter,
                        new Phrase(
                                "een filter met een voorwaarde ('lijst[voorwaarde]') is niet toegestaan, alleen een"
                                        + " plaats in de lijst ('lijst[1]')",
                                "a filter with a condition ('list[condition]') is not allowed, only a position in the"
                                        + " list ('list[1]')"));
            }
            return walk(filter.getExpression(), next, scope, unaryTests).plus(1);
        }
        if (node instanceof FunctionDefNode function) {
            return function.isExternal()
                    ? refused(
                            function,
                            new Phrase(
                                    "een externe functie ('function(..) external') roept Java-code aan en is niet"
                                            + " toegestaan",
                                    "an external function ('function(..) external') calls Java code and is not"
                                            + " allowed"))
                    : refused(
                            function,
                            new Phrase(
                                    "een functiedefinitie ('function(..)') is niet toegestaan; schrijf"
                                            + " herbruikbare logica als business knowledge model",
                                    "a function definition ('function(..)') is not allowed; write reusable logic"
                                            + " as a business knowledge model"));
        }
        if (node instanceof ForExpressionNode) {
            return refused(
                    node,
                    new Phrase(
                            "een herhaling ('for .. in .. return') is niet toegestaan",
                            "a loop ('for .. in .. return') is not allowed"));
        }
        if (node instanceof QuantifiedExpressionNode) {
            return refused(
                    node,
                    new Phrase(
                            "een herhaling ('some'/'every' .. satisfies) is niet toegestaan",
                            "a loop ('some'/'every' .. satisfies) is not allowed"));
        }
        return refused(
                node,
                Phrase.of(
                        "de FEEL-constructie {0} staat niet op de lijst van toegestane constructies",
                        "the FEEL construct {0} is not on the list of allowed constructs",
                        Phrase.same(node.getClass().getSimpleName().replace("Node", ""))));
    }

    private FeelCost children(ASTNode node, int depth, FeelScope scope, boolean unaryTests) {
        FeelCost cost = FeelCost.ONE;
        for (ASTNode child : node.getChildrenNode()) {
            cost = cost.plus(walk(child, depth, scope, unaryTests));
        }
        return cost;
    }

    private FeelCost name(String name, FeelScope scope, boolean unaryTests) {
        if (unaryTests && name.equals("?")) {
            return FeelCost.ONE;
        }
        FeelCost value = scope.value(name);
        if (value != null) {
            return value.plus(1);
        }
        if (FUNCTIONS.contains(name) || REFUSED_FUNCTIONS.containsKey(name) || scope.invocable(name) != null) {
            problems.accept(Phrase.of(
                    "de functie '{0}' mag alleen worden aangeroepen, niet als waarde gebruikt",
                    "the function '{0}' may only be called, not used as a value", Phrase.same(name)));
        } else {
            problems.accept(Phrase.of(
                    "de naam '{0}' is geen invoer, beslissing, contextelement of parameter van het model",
                    "the name '{0}' is not an input, decision, context entry or parameter of the model",
                    Phrase.same(abbreviated(name))));
        }
        return FeelCost.ONE;
    }

    private FeelCost call(FunctionInvocationNode call, int depth, FeelScope scope, boolean unaryTests) {
        List<BaseNode> arguments =
                call.getParams() == null ? List.of() : call.getParams().getElements();
        if (arguments.size() > MAX_LIST) {
            problems.accept(Phrase.of("een aanroep met {0} argumenten", "a call with {0} arguments", arguments.size()));
        }
        Map<String, FeelCost> named = new HashMap<>();
        List<FeelCost> positional = new ArrayList<>();
        FeelCost argumentsCost = FeelCost.ONE;
        for (BaseNode argument : arguments) {
            if (argument instanceof NamedParameterNode parameter) {
                FeelCost cost = walk(parameter.getExpression(), depth, scope, unaryTests);
                named.put(parameter.getName().getText(), cost);
                argumentsCost = argumentsCost.plus(cost);
            } else {
                FeelCost cost = walk(argument, depth, scope, unaryTests);
                positional.add(cost);
                argumentsCost = argumentsCost.plus(cost);
            }
        }
        if (!(call.getName() instanceof NameRefNode nameNode)) {
            walk(call.getName(), depth, scope, unaryTests); // names what it calls, if that is refused too
            problems.accept(Phrase.of(
                    "alleen toegestane functies en business knowledge models mogen worden aangeroepen, niet '{0}'",
                    "only allowed functions and business knowledge models may be called, not '{0}'",
                    Phrase.same(abbreviated(call.getName().getText()))));
            return FeelCost.ONE;
        }
        String name = nameNode.getText();
        FeelScope.Invocable invocable = scope.invocable(name);
        if (invocable != null) {
            Map<String, FeelCost> byParameter = new HashMap<>(named);
            for (int i = 0; i < positional.size() && i < invocable.parameters().size(); i++) {
                byParameter.put(invocable.parameters().get(i), positional.get(i));
            }
            return invocable.body().calledWith(byParameter).plus(argumentsCost);
        }
        if (scope.value(name) != null) {
            problems.accept(Phrase.of(
                    "'{0}' is geen functie en kan niet worden aangeroepen",
                    "'{0}' is not a function and cannot be called", Phrase.same(name)));
        } else if (REFUSED_FUNCTIONS.containsKey(name)) {
            problems.accept(Phrase.of(
                    "de functie '{0}' is niet toegestaan: die {1}",
                    "the function '{0}' is not allowed: it {1}", Phrase.same(name), REFUSED_FUNCTIONS.get(name)));
        } else if (!FUNCTIONS.contains(name)) {
            problems.accept(Phrase.of(
                    "de functie '{0}' staat niet op de lijst van toegestane functies",
                    "the function '{0}' is not on the list of allowed functions", Phrase.same(abbreviated(name))));
        }
        return argumentsCost.plus(1);
    }

    private FeelCost refused(ASTNode node, Phrase why) {
        problems.accept(why.then(Phrase.same(": '" + abbreviated(node.getText()) + "'")));
        return FeelCost.ONE;
    }

    /** {@code list[1]} or {@code list[-1]}: one element, no loop over the list. */
    private static boolean isPosition(ASTNode filter) {
        return filter instanceof NumberNode
                || filter instanceof SignedUnaryNode signed && signed.getExpression() instanceof NumberNode;
    }

    private static String entryName(ContextEntryNode entry) {
        return entry.getName() instanceof StringNode string
                ? string.getValue()
                : entry.getName().getText();
    }

    /** The deepest nesting of brackets, outside string literals. */
    static int bracketDepth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}

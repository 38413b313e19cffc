package nl.beslisstraat.engine.authoring;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks an uploaded DMN model before the DMN engine sees it. FEEL can call any public static Java
 * method ({@code function(..) external {java: ..}}, or a function definition of kind Java), and
 * the DMN engine has no switch to forbid it; so a model that mentions either is refused here, as
 * are imports (other models, PMML) and DOCTYPE declarations (XML entities). What is left is
 * FEEL: decision tables, literal expressions, contexts, functions written in FEEL.
 */
final class DmnModelCheck {

    /**
     * DMN 1.2 and later. DMN 1.1 is refused: there the engine takes a function's kind from its own
     * extension attribute ({@code drools:kind}), another road to Java.
     */
    private static final Set<String> DMN_NAMESPACES = Set.of(
            "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            "https://www.omg.org/spec/DMN/20211108/MODEL/",
            "https://www.omg.org/spec/DMN/20230324/MODEL/");
    /**
     * FEEL words that define functions: {@code function(..) external {java: ..}} calls any static
     * Java method, and an external function can only be written as a function literal. Functions
     * are written as business knowledge models (kind FEEL) instead; their bodies are checked too.
     */
    private static final Pattern FUNCTION_WORDS =
            Pattern.compile("\\b(external|function)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * FEEL's iterations: {@code for x in 1..1000000000 return x} would stall every case the model
     * decides. A decision table needs none of them; without them (and with recursion failing the
     * case) every evaluation ends quickly.
     */
    private static final Pattern ITERATION_WORDS =
            Pattern.compile("\\b(for|some|every)\\b\\s+[^\\s]+\\s+in\\b", Pattern.CASE_INSENSITIVE);

    /** Larger uploads are refused unread. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private DmnModelCheck() {}

    /**
     * @param inputs the names the model may take as input data: the application's fields and
     *     {@code referenceDate}
     */
    static List<TableProblem> check(byte[] model, Set<String> inputs) {
        if (model.length > MAX_BYTES) {
            return List.of(TableProblem.ofFile("Het bestand is groter dan " + MAX_BYTES / 1024 / 1024 + " MB."));
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(model));
        } catch (Exception unreadable) {
            return List.of(TableProblem.ofFile(
                    "Het bestand is geen leesbaar DMN-model (XML zonder DOCTYPE): " + unreadable.getMessage()));
        }
        Element definitions = document.getDocumentElement();
        if (!"definitions".equals(definitions.getLocalName())
                || !DMN_NAMESPACES.contains(definitions.getNamespaceURI())) {
            return List.of(TableProblem.ofFile("Het bestand is geen DMN-model: het hoofdelement moet <definitions> in"
                    + " de DMN-namespace zijn."));
        }
        List<TableProblem> problems = new ArrayList<>();
        walk(definitions, problems, inputs);
        boolean hasDecision = false;
        NodeList decisions = definitions.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            hasDecision |= "Besluit".equals(((Element) decisions.item(i)).getAttribute("name"));
        }
        if (!hasDecision) {
            problems.add(TableProblem.ofFile("Het model heeft geen beslissing met de naam 'Besluit'; die levert"
                    + " de bevindingen (outcome, reasonCode, motivationNl, motivationEn, bedragen)."));
        }
        return problems;
    }

    private static void walk(Element element, List<TableProblem> problems, Set<String> inputs) {
        String name = element.getLocalName();
        String where = "element <" + name + ">" + named(element);
        switch (name) {
            case "import" ->
                problems.add(TableProblem.ofFile(where + ": een model mag geen andere modellen of PMML importeren."));
            case "functionDefinition", "encapsulatedLogic" -> {
                // the kind in any namespace: the engine also reads its own extension attribute
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node attribute = attributes.item(i);
                    String attributeName =
                            attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                    if (attributeName.equals("kind")
                            && !attribute.getNodeValue().equals("FEEL")) {
                        problems.add(TableProblem.ofFile(where + ": functies van soort '" + attribute.getNodeValue()
                                + "' roepen code aan; alleen FEEL is toegestaan."));
                    }
                }
            }
            case "inputData" -> {
                if (!inputs.contains(element.getAttribute("name"))) {
                    problems.add(TableProblem.ofFile(where + ": '" + element.getAttribute("name")
                            + "' is geen gegeven van de aanvraag; kies uit " + inputs + "."));
                }
            }
            default -> {}
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkFeel(where, attributes.item(i).getNodeValue(), problems);
        }
        boolean leaf = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                leaf = false;
                walk(childElement, problems, inputs);
            }
        }
        if (leaf && !name.equals("description")) {
            // all of the element's text at once: comments and CDATA cannot split a word
            checkFeel(where, element.getTextContent(), problems);
        }
    }

    private static void checkFeel(String where, String text, List<TableProblem> problems) {
        if (text == null) {
            return;
        }
        String code = withoutStringsAndComments(text);
        if (FUNCTION_WORDS.matcher(code).find()) {
            problems.add(TableProblem.ofFile(where + ": een FEEL-functie ('function', 'external') kan Java aanroepen"
                    + " en is niet toegestaan; schrijf herbruikbare logica als business knowledge model."));
        }
        if (ITERATION_WORDS.matcher(code).find()) {
            problems.add(TableProblem.ofFile(where + ": herhalingen ('for', 'some', 'every' ... in) zijn niet"
                    + " toegestaan: een beslistabel heeft ze niet nodig en ze kunnen de verwerking stilleggen."));
        }
    }

    /**
     * FEEL code with its string literals and comments left out, read the way FEEL reads them: a
     * motivation text may say "function", a comment cannot hide code from the check.
     */
    static String withoutStringsAndComments(String feel) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < feel.length()) {
            char c = feel.charAt(i);
            if (c == '"') {
                i++;
                while (i < feel.length() && feel.charAt(i) != '"') {
                    i += feel.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append("\"\"");
            } else if (feel.startsWith("/*", i)) {
                int end = feel.indexOf("*/", i + 2);
                i = end < 0 ? feel.length() : end + 2;
                code.append(' ');
            } else if (feel.startsWith("//", i)) {
                int end = feel.indexOf('\n', i);
                i = end < 0 ? feel.length() : end;
                code.append(' ');
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static String named(Element element) {
        for (Node node = element; node instanceof Element named; node = node.getParentNode()) {
            if (!named.getAttribute("name").isEmpty()) {
                return " in '" + named.getAttribute("name") + "'";
            }
        }
        return "";
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setCoalescing(true); // CDATA joins the text around it
        factory.setIgnoringComments(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}

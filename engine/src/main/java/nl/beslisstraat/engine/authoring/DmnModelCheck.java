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

    private static final Set<String> DMN_NAMESPACES = Set.of(
            "http://www.omg.org/spec/DMN/20151101/dmn.xsd",
            "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            "https://www.omg.org/spec/DMN/20211108/MODEL/",
            "https://www.omg.org/spec/DMN/20230324/MODEL/");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");
    /** FEEL string literals: "external" inside a motivation text calls nothing. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");

    private DmnModelCheck() {}

    /**
     * @param inputs the names the model may take as input data: the application's fields and
     *     {@code referenceDate}
     */
    static List<TableProblem> check(byte[] model, Set<String> inputs) {
        if (model.length > DecisionTableCheck.MAX_BYTES) {
            return List.of(TableProblem.ofFile(
                    "Het bestand is groter dan " + DecisionTableCheck.MAX_BYTES / 1024 / 1024 + " MB."));
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
                String kind = element.getAttribute("kind");
                if (!kind.isEmpty() && !kind.equals("FEEL")) {
                    problems.add(TableProblem.ofFile(
                            where + ": functies van soort '" + kind + "' roepen code aan; alleen FEEL is toegestaan."));
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
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, problems, inputs);
            } else if (!name.equals("description")
                    && (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
                checkFeel(where, child.getNodeValue(), problems);
            }
        }
    }

    private static void checkFeel(String where, String text, List<TableProblem> problems) {
        if (text != null
                && EXTERNAL.matcher(STRING_LITERAL.matcher(text).replaceAll("\"\""))
                        .find()) {
            problems.add(TableProblem.ofFile(where + ": 'external' roept Java aan vanuit FEEL en is niet toegestaan."));
        }
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
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}

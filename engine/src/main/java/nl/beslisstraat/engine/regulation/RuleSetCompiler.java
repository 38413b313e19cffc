package nl.beslisstraat.engine.regulation;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import nl.beslisstraat.engine.regulation.table.DecisionTable;
import nl.beslisstraat.engine.regulation.table.RuleRenderer;
import nl.beslisstraat.engine.regulation.table.TableReader;
import nl.beslisstraat.engine.regulation.table.TableRefused;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a regulation's rule resources into a {@link RuleSet}. Each rule set gets its own
 * in-memory KieModule (its own release id), so versions of one regulation never share a KieBase
 * and a new version can be compiled beside the running one.
 */
final class RuleSetCompiler {

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private final KieServices kieServices = KieServices.Factory.get();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Where a shipped version compiled at an earlier start is kept ({@link CompiledRuleSetCache}). */
    private final CompiledRuleSetCache cache;

    /** A compiler that compiles every version, keeping nothing between starts. */
    RuleSetCompiler() {
        this(CompiledRuleSetCache.none());
    }

    RuleSetCompiler(CompiledRuleSetCache cache) {
        this.cache = cache;
    }

    RuleSet compile(RegulationDescriptor regulation, RegulationDescriptor.Version version, ClassLoader resources) {
        return compile(regulation, version, resources, Map.of(), null);
    }

    /**
     * @param replaced rule resources (by their name in the version) whose content comes from an
     *     upload instead of the classpath
     * @param choices a municipality's values for the model's local choices, set in the table's
     *     cells before any rule is written from it; null for the model as it is
     */
    RuleSet compile(
            RegulationDescriptor regulation,
            RegulationDescriptor.Version version,
            ClassLoader resources,
            Map<String, byte[]> replaced,
            LocalChoices choices) {
        // A release id of its own for every compilation: compilations run at the same time (all
        // versions at start-up, an upload beside a night), and Drools finds a built module by its id.
        ReleaseId releaseId = kieServices.newReleaseId(
                "nl.beslisstraat.rulesets",
                regulation.caseType().toLowerCase().replace('_', '-'),
                version.version() + "-" + COMPILATIONS.incrementAndGet());
        KieFileSystem files = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        List<String> rules = new ArrayList<>(regulation.facts());
        rules.addAll(version.rules());
        DecisionTable table = null;
        DecisionTable modelTable = null;
        // the bytes compiled, in compile order: what the version's content hash is taken over
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        for (String rule : rules) {
            byte[] content =
                    replaced.containsKey(rule) ? replaced.get(rule) : read(resources, regulation.resource(rule));
            compiled.put(regulation.resource(rule), content);
            if (RuleSet.isTable(rule)) {
                // A table never reaches the compiler: its typed rows do, as rules we write ourselves.
                // The hash covers the table (its texts are data) and the rules written from it.
                modelTable = readTable(regulation, version, content);
                table = choices == null ? modelTable : choices.applyTo(regulation, modelTable);
                String drl = RuleRenderer.render(regulation.factPackage(), regulation.factTypeName(), table);
                files.write(moduleSource(regulation, rule + ".drl"), drl);
                compiled.put(regulation.resource(rule) + ".drl", drl.getBytes(StandardCharsets.UTF_8));
            } else {
                files.write(moduleSource(regulation, rule), content);
            }
        }
        if (choices != null) {
            if (modelTable == null) {
                choices.applyTo(regulation, null); // refuses choices that set cells of a table there is not
            }
            // the values a municipality set decide too, also where they change no rule (an amount)
            compiled.put("local-choices/" + choices.municipality() + "/" + choices.version(), choices.canonical());
        }
        InputSchema schema;
        String schemaFile = version.schemaOf(regulation);
        byte[] schemaContent = read(resources, regulation.resource(schemaFile));
        try (InputStream in = new java.io.ByteArrayInputStream(schemaContent)) {
            schema = new InputSchema(schemas.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // checked before anything is built: a schema that lets anything in, or an input the law
        // forbids, stops the regulation whatever its rules would have done with it
        List<Phrase> refused = new ArrayList<>();
        if (version.inputSchema() == null) {
            // the schema intake checks against; a superseded version's own is kept only to recompute
            SchemaBounds.problems(schema.schemaNode())
                    .forEach(problem -> refused.add(Phrase.same(schemaFile + ": " + problem)));
        }
        refused.addAll(bannedInputs(regulation, schema));
        if (!refused.isEmpty()) {
            throw new RuleSetCompilationException(Phrase.of(
                    "{0} is geweigerd:\n{1}",
                    "{0} is refused:\n{1}",
                    RuleSet.label(regulation.caseType(), version.version()),
                    Phrase.join(Phrase.same("\n"), refused)));
        }
        // the schema decides too: a field it does not declare never reaches a rule
        compiled.put(regulation.resource(schemaFile), schemaContent);
        String contentHash = ContentHash.of(compiled);
        boolean dmn = rules.stream().anyMatch(RuleSet::isDmn);
        // only what the engine ships is kept: an upload or a municipality's choices always compile
        boolean kept = cache.keeps() && replaced.isEmpty() && choices == null && !dmn;
        KieBase kieBase = kept ? cache.load(contentHash, resources) : null;
        if (kieBase == null) {
            kieBase = build(regulation, version, files, releaseId, dmn);
            if (kept) {
                cache.store(contentHash, kieBase, resources);
            }
        }
        return new RuleSet(
                regulation,
                version,
                schema,
                kieBase,
                table,
                replaced,
                contentHash,
                choices,
                LocalChoices.effective(regulation, modelTable, choices));
    }

    private KieBase build(
            RegulationDescriptor regulation,
            RegulationDescriptor.Version version,
            KieFileSystem files,
            ReleaseId releaseId,
            boolean dmn) {
        if (dmn) {
            // An input of the wrong type is an error, not a silent non-match that lets a case through.
            files.writeKModuleXML("<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\"><configuration>"
                    + "<property key=\"org.kie.dmn.runtime.typecheck\" value=\"true\"/></configuration></kmodule>");
        }
        KieBuilder builder;
        try {
            builder = kieServices.newKieBuilder(files).buildAll();
        } catch (RuntimeException unreadable) {
            // The DMN reader throws (rather than reports) on XML that is not a DMN model.
            throw new RuleSetCompilationException(RuleSet.label(regulation.caseType(), version.version())
                    + " cannot be read: " + unreadable.getMessage());
        }
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new RuleSetCompilationException(RuleSet.label(regulation.caseType(), version.version())
                    + " does not compile:\n"
                    + builder.getResults().getMessages(Message.Level.ERROR).stream()
                            .map(Message::toString)
                            .collect(Collectors.joining("\n")));
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // the rule set holds its KieBase; Drools' repository need not keep every module ever built
        kieServices.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /**
     * The schema's fields, free text among them, and the fields the decision table template's
     * conditions read that name a forbidden input.
     */
    static List<Phrase> bannedInputs(RegulationDescriptor regulation, InputSchema schema) {
        List<Phrase> refused = new ArrayList<>();
        for (String field : schema.titles().keySet()) {
            if (schema.isFreeText(field)) {
                refused.add(Phrase.of(
                        "{0}, veld {1} Geef het veld een enum, const, pattern of format.",
                        "{0}, field {1} Give the field an enum, const, pattern or format.",
                        regulation.inputSchema(),
                        new BannedInputs.Match(field, BannedInputs.freeText()).phrase()));
            }
            BannedInputs.match(field)
                    .filter(match ->
                            !(schema.isFreeText(field) && match.category().equals(BannedInputs.freeText())))
                    .ifPresent(match -> refused.add(
                            Phrase.of("{0}, veld {1}", "{0}, field {1}", regulation.inputSchema(), match.phrase())));
        }
        if (regulation.decisionTable() != null) {
            for (var table : regulation.decisionTable().tables()) {
                for (var condition : table.conditions()) {
                    for (String field : java.util.Arrays.asList(condition.field(), condition.of(), condition.since())) {
                        BannedInputs.match(field)
                                .ifPresent(match -> refused.add(Phrase.of(
                                        "decisionTable, tabel '{0}', kolom '{1}': {2}",
                                        "decisionTable, table '{0}', column '{1}': {2}",
                                        table.title(),
                                        condition.heading(),
                                        match.phrase())));
                    }
                }
            }
        }
        return refused.stream().distinct().toList();
    }

    private static DecisionTable readTable(
            RegulationDescriptor regulation, RegulationDescriptor.Version version, byte[] content) {
        if (regulation.decisionTable() == null) {
            throw new RuleSetCompilationException(regulation.caseType() + " declares no decisionTable template");
        }
        try {
            return TableReader.readStored(regulation.decisionTable(), content);
        } catch (TableRefused refused) {
            throw new RuleSetCompilationException(RuleSet.label(regulation.caseType(), version.version())
                    + ": the decision table does not fit its template:\n"
                    + String.join("\n", refused.problems()));
        }
    }

    /**
     * Where a file goes in the module Drools builds: in the folder of the package its rules declare,
     * as Drools expects of a source file (else it warns at every compilation), with a version's
     * folder folded into the file's name. The folding is escaped as in a URL ({@code 2026.1/x.drl}
     * becomes {@code 2026.1%2Fx.drl}), so two names of one version never become one file.
     */
    private static String moduleSource(RegulationDescriptor regulation, String file) {
        return "src/main/resources/"
                + regulation.resource(file.replace("%", "%25").replace("/", "%2F"));
    }

    private static byte[] read(ClassLoader resources, String path) {
        try (InputStream in = open(resources, path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(ClassLoader resources, String path) {
        InputStream in = resources.getResourceAsStream(path);
        if (in == null) {
            throw new RuleSetCompilationException("Rule resource not found on the classpath: " + path);
        }
        return in;
    }
}

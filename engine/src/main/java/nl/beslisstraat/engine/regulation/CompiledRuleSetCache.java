package nl.beslisstraat.engine.regulation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.RuleBase;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Compiled rule sets kept on disk between starts: a version's Drools packages (its rules, the Java
 * classes compiled from their consequences and the classes of its declared fact types), stored by
 * the engine after it compiled them and loaded at the next start instead of compiling again.
 * Compiling (parsing the DRL, compiling its Java with ECJ) took most of a start; loading takes a
 * tenth of it.
 *
 * <p>What a stored file holds runs as code in the engine, so it is trusted only as far as this:
 *
 * <ul>
 *   <li>its name is the content hash of the resources it was compiled from (taken at every start
 *       exactly as for a compilation) and a fingerprint of the code that compiled and runs it (the
 *       engine's and the fact model's classes, the Drools version, the Java version): changed
 *       rules, a changed engine or another Drools find no file and compile as before;
 *   <li>it is only written by the engine, for shipped versions it compiled itself from its own
 *       class path; never for an upload, a municipality's choices or a DMN model, which are always
 *       compiled;
 *   <li>it is read only when it and its folder belong to the user the engine runs as and no one
 *       else may write them (as ssh treats its keys), and only when it ends with the SHA-256 of
 *       the rest of it and starts with its own name: a file copied in under another name, cut
 *       short or changed is not read, and the rule set is compiled instead.
 * </ul>
 *
 * Whoever can write the folder as the engine's user can run code as that user anyway.
 */
final class CompiledRuleSetCache {

    /** Changes when what a file holds changes. */
    private static final String FORMAT = "beslisstraat-compiled-rule-set-1";

    private static final Logger log = LoggerFactory.getLogger(CompiledRuleSetCache.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int DIGEST_LENGTH = 32;

    private static volatile String codeFingerprint;

    /** The folder; null when nothing is kept (tests, or turned off). */
    private final Path folder;

    private CompiledRuleSetCache(Path folder) {
        this.folder = folder;
    }

    /** @param folder where compiled rule sets are kept; blank for nowhere */
    static CompiledRuleSetCache in(String folder) {
        return new CompiledRuleSetCache(folder == null || folder.isBlank() ? null : Path.of(folder));
    }

    static CompiledRuleSetCache none() {
        return new CompiledRuleSetCache(null);
    }

    boolean keeps() {
        return folder != null;
    }

    /** The knowledge base stored for exactly these resources and this code, or null when there is none to trust. */
    KieBase load(String contentHash, ClassLoader classLoader) {
        if (folder == null) {
            return null;
        }
        String name = name(contentHash, classLoader);
        Path file = folder.resolve(name + ".kbase");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            if (!ownedByUsAlone(folder) || !ownedByUsAlone(file)) {
                log.warn("{} is not read: it or its folder may be written by another user than the engine's", file);
                return null;
            }
            byte[] stored = Files.readAllBytes(file);
            byte[] body = Arrays.copyOf(stored, Math.max(0, stored.length - DIGEST_LENGTH));
            byte[] digest = Arrays.copyOfRange(stored, body.length, stored.length);
            if (stored.length <= DIGEST_LENGTH || !MessageDigest.isEqual(digest, sha256(body))) {
                log.warn("{} is not read: it is not what the engine wrote", file);
                return null;
            }
            return read(body, name, classLoader);
        } catch (IOException | RuntimeException | LinkageError unreadable) {
            log.warn("{} is not read: {}", file, unreadable.toString());
            return null;
        }
    }

    /** Keeps what the engine compiled; a failure to keep it only costs the next start its time. */
    void store(String contentHash, KieBase kieBase, ClassLoader classLoader) {
        if (folder == null) {
            return;
        }
        try {
            String name = name(contentHash, classLoader);
            byte[] body = write(kieBase, name);
            createOwnerOnly(folder);
            Path temporary =
                    Files.createTempFile(folder, name, ".part", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            try {
                Files.write(temporary, body);
                Files.write(temporary, sha256(body), java.nio.file.StandardOpenOption.APPEND);
                try {
                    Files.move(temporary, folder.resolve(name + ".kbase"), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, folder.resolve(name + ".kbase"), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            forgetOthers(contentHash, name);
        } catch (IOException | RuntimeException | LinkageError notKept) {
            log.warn("A compiled rule set is not kept in {}: {}", folder, notKept.toString());
        }
    }

    /** What earlier code compiled from the same rules will not be read again by this engine. */
    private void forgetOthers(String contentHash, String name) throws IOException {
        try (var others = Files.newDirectoryStream(folder, contentHash + "-*.kbase")) {
            for (Path other : others) {
                if (!other.getFileName().toString().equals(name + ".kbase")) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** The content hash and the code fingerprint: a file of other rules or other code has another name. */
    static String name(String contentHash, ClassLoader classLoader) {
        return contentHash + "-" + codeFingerprint(classLoader).substring(0, 32);
    }

    static byte[] write(KieBase kieBase, String name) throws IOException {
        ProjectClassLoader types = (ProjectClassLoader) ((RuleBase) kieBase).getRootClassLoader();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(name);
            // the declared fact types first: reading the packages needs their classes
            out.writeObject(new HashMap<>(types.getStore() == null ? Map.of() : types.getStore()));
            out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static KieBase read(byte[] body, String name, ClassLoader classLoader) throws IOException {
        InternalKnowledgeBase kieBase =
                KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, classLoader));
        ProjectClassLoader types = (ProjectClassLoader) kieBase.getRootClassLoader();
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(body), types)) {
            if (!FORMAT.equals(in.readUTF()) || !name.equals(in.readUTF())) {
                throw new IOException("another format, or stored under another name");
            }
            types.storeClasses((Map<String, byte[]>) in.readObject());
            kieBase.addPackages((Collection<? extends KiePackage>) in.readObject());
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a compiled rule set of this engine", e);
        }
        return kieBase;
    }

    /**
     * What the compiled rules depend on besides their own resources: the classes of the engine and
     * of the fact model (the rules call them), Drools and Java. Taken once per process.
     */
    static String codeFingerprint(ClassLoader classLoader) {
        String fingerprint = codeFingerprint;
        if (fingerprint == null) {
            synchronized (CompiledRuleSetCache.class) {
                if (codeFingerprint == null) {
                    codeFingerprint = fingerprintOf(classLoader);
                }
                fingerprint = codeFingerprint;
            }
        }
        return fingerprint;
    }

    private static String fingerprintOf(ClassLoader classLoader) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((FORMAT + "\n" + Runtime.version().feature() + "\n"
                            + KieServices.class.getPackage().getImplementationVersion() + "\n"
                            + RuleBase.class.getPackage().getImplementationVersion() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            // the engine's and the fact model's, not the batch jar's own: the web engine and the
            // nightly job share the files of one release
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
            List<Resource> classes = new ArrayList<>();
            for (String code : List.of("engine", "rules")) {
                classes.addAll(
                        Arrays.asList(resolver.getResources("classpath*:nl/beslisstraat/" + code + "/**/*.class")));
            }
            classes.sort(Comparator.comparing(CompiledRuleSetCache::pathOf));
            for (Resource resource : classes) {
                digest.update(pathOf(resource).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = resource.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String pathOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("nl/beslisstraat/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ownedByUsAlone(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return false;
        }
        String us = System.getProperty("user.name");
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(us)
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static void createOwnerOnly(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

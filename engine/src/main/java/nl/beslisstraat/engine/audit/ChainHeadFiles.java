package nl.beslisstraat.engine.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the chains' heads outside the database, a file a day and a log line per head, for an
 * operator to ship somewhere the database's owner cannot reach; and reads such a file back, so the
 * verifier can tell a chain rewritten from end to end, which is consistent in itself.
 */
@Component
public class ChainHeadFiles {

    private static final Logger log = LoggerFactory.getLogger(ChainHeadFiles.class);
    private static final String PREFIX = "chain-heads-";

    private final Supplier<Path> folder;

    /** The heads of one database, kept in this folder. */
    public ChainHeadFiles(Path directory) {
        this.folder = () -> directory;
    }

    /**
     * The heads of the database the engine works on, in a folder of its own under the directory:
     * installations on one machine (a demo beside a test server, two municipalities' platforms)
     * share the default directory, and the heads of one must never be held against the chains of
     * another, which would report a rewrite that never happened and lose the real heads. The folder
     * is named by the database, the cluster's system identifier and the schema; a database restored
     * into another cluster starts a folder of its own, so move its folder along with it.
     */
    @Autowired
    public ChainHeadFiles(
            @Value("${beslisstraat.audit.chain-heads-directory:${user.home}/.beslisstraat/chain-heads}") Path directory,
            JdbcTemplate jdbc) {
        Path[] resolved = new Path[1];
        this.folder = () -> {
            synchronized (resolved) {
                if (resolved[0] == null) {
                    resolved[0] = directory.resolve(databaseFolder(jdbc));
                }
                return resolved[0];
            }
        };
    }

    private static String databaseFolder(JdbcTemplate jdbc) {
        String name = jdbc.queryForObject(
                "select current_database() || '-' || (select system_identifier from pg_control_system())"
                        + " || case when current_schema() = 'public' then '' else '-' || current_schema() end",
                String.class);
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    public Path directory() {
        return folder.get();
    }

    /** Writes (or replaces) the day's file with these heads and logs each; returns the file. */
    public Path write(LocalDate day, List<ChainHead> heads) {
        Path directory = directory();
        Path file = directory.resolve(PREFIX + day + ".txt");
        List<String> lines = new ArrayList<>();
        lines.add("# table municipality position sha256, written " + java.time.Instant.now());
        for (ChainHead head : heads) {
            lines.add(head.line());
            log.info("chain head {}", head.line());
        }
        try {
            Files.createDirectories(directory);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chain heads to " + file, e);
        }
        return file;
    }

    /** The most recent file written before this day, if any. */
    public Optional<Path> latestBefore(LocalDate day) {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        String before = PREFIX + day + ".txt";
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(PREFIX) && name.endsWith(".txt") && name.compareTo(before) < 0;
                    })
                    .max(Comparator.comparing(file -> file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * The heads of the latest file before this day that can be read. One that cannot be read is
     * named as an error and passed over for the one before it: a damaged newest file must neither
     * stop every day's verification nor leave the chains without an earlier head to hold them to.
     */
    public List<ChainHead> latestReadableBefore(LocalDate day) {
        Optional<Path> file = latestBefore(day);
        while (file.isPresent()) {
            try {
                return read(file.get());
            } catch (RuntimeException unreadable) {
                log.error(
                        "CHAIN HEADS UNREADABLE: {} ({}); the file before it is used",
                        file.get(),
                        unreadable.getMessage());
                file = latestBefore(dayOf(file.get()));
            }
        }
        return List.of();
    }

    private static LocalDate dayOf(Path file) {
        String name = file.getFileName().toString();
        return LocalDate.parse(name.substring(PREFIX.length(), name.length() - ".txt".length()));
    }

    /** The heads of a file as {@link #write} writes it; lines starting with # are comments. */
    public static List<ChainHead> read(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(ChainHead::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain heads in " + file, e);
        }
    }
}

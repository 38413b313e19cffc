package nl.beslisstraat.engine.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The municipality (CBS code, such as {@code 0344}) the current thread works for: the signed-in
 * user's or e-service client's during a request, the run's during a nightly run. Every
 * connection the application takes is set to it ({@link MunicipalityDataSource}); on a thread
 * that has none, queries on the case data see no rows and inserts are refused.
 */
public final class Municipality {

    /** Utrecht: the municipality every existing case, user and run belongs to until told otherwise. */
    public static final String DEFAULT = "0344";

    /**
     * What {@link #CURRENT} holds while the thread works for the platform itself: no municipality,
     * and, unlike a thread that works for nobody (a sign-in, a scheduler's thread), the platform's
     * own records.
     */
    private static final String PLATFORM = "";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Municipality() {}

    /** The municipality of this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get()).filter(code -> !code.equals(PLATFORM));
    }

    /** Whether this thread works for the platform itself ({@link #runForPlatform}). */
    public static boolean forPlatform() {
        return PLATFORM.equals(CURRENT.get());
    }

    /**
     * Works for {@code code} (for nobody with null) on this thread until the returned scope is
     * closed, which restores what was there before.
     */
    public static Scope enter(String code) {
        if (code != null && code.isBlank()) {
            // the platform's own mark: never reached from a code someone sent
            throw new IllegalArgumentException("No municipality has an empty code");
        }
        return switchTo(code);
    }

    private static Scope switchTo(String value) {
        String before = CURRENT.get();
        set(value);
        return () -> set(before);
    }

    /** Runs {@code work} for {@code code} on this thread. */
    public static <T> T call(String code, Callable<T> work) throws Exception {
        try (Scope ignored = enter(code)) {
            return work.call();
        }
    }

    /** Runs {@code work} for {@code code} on this thread. */
    public static void run(String code, Runnable work) {
        try (Scope ignored = enter(code)) {
            work.run();
        }
    }

    /**
     * Runs {@code work} for the platform itself, for no municipality, whatever this thread worked
     * for: the platform's own records ({@code PlatformAuditLog}), which the database shows to such
     * work only ({@link MunicipalityDataSource}).
     */
    public static <T> T callForPlatform(Callable<T> work) {
        try (Scope ignored = switchTo(PLATFORM)) {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #callForPlatform}, without a result. */
    public static void runForPlatform(Runnable work) {
        try (Scope ignored = switchTo(PLATFORM)) {
            work.run();
        }
    }

    /**
     * {@code work} as it should run on another thread: for the municipality of the thread that
     * hands it over (a task decorator for worker threads).
     */
    public static Runnable propagate(Runnable work) {
        String code = CURRENT.get();
        return () -> {
            String before = CURRENT.get();
            set(code);
            try {
                work.run();
            } finally {
                set(before);
            }
        };
    }

    private static void set(String code) {
        if (code == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(code);
        }
    }

    /** A municipality entered on this thread; closing it leaves it. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

package nl.beslisstraat.engine.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 (hex) of a case's input as the database stores it: jsonb's own text ({@code
 * input::text}), which is what a case is read back as. A decision links this digest into its
 * chain as the data it was taken on, so an input changed afterwards, around the database's
 * refusal, no longer matches a link.
 */
public final class InputDigest {

    /** The same digest computed by the database, of the column or expression filled in for {@code %s}. */
    public static final String IN_SQL = "encode(pg_catalog.sha256(convert_to(%s::text, 'UTF8')), 'hex')";

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private InputDigest() {}

    /** @param storedInput the input as read from the database ({@code input::text}) */
    public static String of(String storedInput) {
        return HexFormat.of().formatHex(SHA256.get().digest(storedInput.getBytes(StandardCharsets.UTF_8)));
    }
}

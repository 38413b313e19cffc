package nl.beslisstraat.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-service's API key as the client sends it: {@code bsk_<id>_<secret>}. The id (8 random bytes,
 * 16 hex digits) is no secret: it finds the key and may appear in lists, logs and the audit trail.
 * The secret is 32 random bytes from {@link SecureRandom} (43 characters base64url), so it cannot
 * be guessed and a fast SHA-256 of it is all that needs storing: a slow hash protects guessable
 * passwords, and there is nothing to guess here.
 */
record ApiKey(String id, String secret) {

    static final String PREFIX = "bsk_";

    private static final Pattern FORM = Pattern.compile("bsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A new key, never issued before (ids are unique in the table; a collision is refused there). */
    static ApiKey generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKey(HexFormat.of().formatHex(id), BASE64URL.encodeToString(secret));
    }

    /** The key in {@code presented}, if it has the form of one; any other text is no key. */
    static Optional<ApiKey> parse(String presented) {
        if (presented == null || presented.length() != PREFIX.length() + 16 + 1 + 43) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(presented);
        return matcher.matches() ? Optional.of(new ApiKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** What the client sends: shown once, when the key is issued, and never stored. */
    String token() {
        return PREFIX + id + "_" + secret;
    }

    /** What is stored and compared: the SHA-256 of the secret. */
    byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Without the secret, so a key that ends up in a log or a message gives nothing away. */
    @Override
    public String toString() {
        return PREFIX + id + "_...";
    }
}

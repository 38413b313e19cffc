package nl.beslisstraat.engine.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value written exactly as PostgreSQL writes it as {@code jsonb} text: an object's keys
 * ordered by their length in UTF-8 and then byte by byte, {@code ", "} and {@code ": "} between
 * items, and only the escapes PostgreSQL uses. A chain link hashes the row's content in this form
 * ({@code chain_content}), so a writer that renders a row the same way computes the same link as
 * the database.
 *
 * <p>Values are plain Java: a {@link Map} with text keys for an object, a {@link List} for an array,
 * {@link String}, a whole number ({@link Long}, {@link Integer}), {@link Boolean} and null. Anything
 * else (a fraction, whose digits PostgreSQL may write differently, or an object of some other
 * class) is refused with {@link NotRenderable}, so the caller lets the database render that row
 * instead of guessing.
 */
public final class JsonbText {

    /** PostgreSQL's order of an object's keys: shorter first (in UTF-8 bytes), then byte by byte. */
    private static final Comparator<String> KEY_ORDER = (a, b) -> {
        if (isAscii(a) && isAscii(b)) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonbText() {}

    /** The value as {@code value::jsonb::text} gives it. */
    public static String of(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(out, value, false);
        return out.toString();
    }

    /** The value as {@code jsonb_strip_nulls(value::jsonb)::text} gives it: no object member that is null. */
    public static String strippedOf(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(out, value, true);
        return out.toString();
    }

    /** A date as {@code to_jsonb} writes it, without the quotes; years 1 to 9999 only. */
    public static String date(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new NotRenderable("the date " + date);
        }
        return date.toString();
    }

    /**
     * A moment as {@code to_jsonb} writes a {@code timestamptz} in a session that speaks UTC (as
     * {@code chain_content} does), without the quotes: microseconds without trailing zeros.
     */
    public static String timestamp(OffsetDateTime moment) {
        LocalDateTime utc = moment.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        if (utc.getNano() % 1_000 != 0) {
            throw new NotRenderable("a moment finer than a microsecond: " + moment);
        }
        StringBuilder out =
                new StringBuilder(32).append(date(utc.toLocalDate())).append('T');
        two(out, utc.getHour()).append(':');
        two(out, utc.getMinute()).append(':');
        two(out, utc.getSecond());
        int micros = utc.getNano() / 1_000;
        if (micros > 0) {
            String fraction = Integer.toString(1_000_000 + micros).substring(1);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        return out.append("+00:00").toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void write(StringBuilder out, Object value, boolean stripNulls) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Map<?, ?> object) {
            writeObject(out, object, stripNulls);
        } else if (value instanceof List<?> array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, array.get(i), stripNulls);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else {
            throw new NotRenderable("a " + value.getClass().getSimpleName());
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> object, boolean stripNulls) {
        List<String> keys = new ArrayList<>(object.size());
        for (Object key : object.keySet()) {
            if (!(key instanceof String text)) {
                throw new NotRenderable("an object whose key is no text: " + key);
            }
            if (!stripNulls || object.get(text) != null) {
                keys.add(text);
            }
        }
        if (keys.size() > 1) {
            keys.sort(KEY_ORDER);
        }
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            quote(out, keys.get(i));
            out.append(": ");
            write(out, object.get(keys.get(i)), stripNulls);
        }
        out.append('}');
    }

    /** PostgreSQL's escape_json: quote, backslash and the control characters; nothing else. */
    static void quote(StringBuilder out, String text) {
        out.append('"');
        int unwritten = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c >= ' ' && c != '"' && c != '\\' && (!Character.isSurrogate(c) || wellPaired(text, i));
            if (!plain) {
                out.append(text, unwritten, i);
                escape(out, c);
                unwritten = i + 1;
            }
        }
        out.append(text, unwritten, text.length()).append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0 -> throw new NotRenderable("text with a NUL character"); // jsonb cannot hold it
            default -> {
                if (Character.isSurrogate(c)) {
                    // sent to the database as '?', which the hash would not see
                    throw new NotRenderable("text with a lone surrogate");
                }
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    private static boolean wellPaired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether jsonb_strip_nulls would change the value: some object in it has a member that is null. */
    private static boolean holdsNullMember(Object value) {
        if (value instanceof Map<?, ?> object) {
            for (Object member : object.values()) {
                if (member == null || holdsNullMember(member)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> array) {
            for (Object element : array) {
                if (holdsNullMember(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An object put together from values already written (a row's columns), as {@code
     * jsonb_strip_nulls} writes it: keys in PostgreSQL's order, null members left out. A row's
     * content this way renders each column once, however large its JSON.
     */
    public static final class StrippedObject {

        /** A member and the length of its key in UTF-8, which PostgreSQL orders keys by first. */
        private record Member(String key, int keyBytes, String value) {}

        private static final Comparator<Member> ORDER =
                Comparator.comparingInt(Member::keyBytes).thenComparing(Member::key, KEY_ORDER);

        private final List<Member> members = new ArrayList<>(24);

        private void add(String key, String value) {
            members.add(
                    new Member(key, isAscii(key) ? key.length() : key.getBytes(StandardCharsets.UTF_8).length, value));
        }

        public StrippedObject text(String key, String value) {
            if (value != null) {
                StringBuilder quoted = new StringBuilder(value.length() + 8);
                quote(quoted, value);
                add(key, quoted.toString());
            }
            return this;
        }

        public StrippedObject number(String key, Long value) {
            if (value != null) {
                add(key, value.toString());
            }
            return this;
        }

        public StrippedObject bool(String key, boolean value) {
            add(key, Boolean.toString(value));
            return this;
        }

        /** A JSON value and its text as {@link JsonbText#of} wrote it, which is used when nothing is stripped. */
        public StrippedObject json(String key, Object value, String written) {
            if (value != null) {
                add(key, holdsNullMember(value) ? strippedOf(value) : written);
            }
            return this;
        }

        @Override
        public String toString() {
            members.sort(ORDER);
            int length = 2;
            for (Member member : members) {
                length += member.key().length() + member.value().length() + 6;
            }
            StringBuilder out = new StringBuilder(length).append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                quote(out, members.get(i).key());
                out.append(": ").append(members.get(i).value());
            }
            return out.append('}').toString();
        }
    }

    /** A value this class does not render the way PostgreSQL would; the database renders it instead. */
    public static final class NotRenderable extends IllegalArgumentException {
        NotRenderable(String what) {
            super("not rendered as jsonb text here: " + what);
        }
    }
}

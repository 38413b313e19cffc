package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A decimal as people and tables write it: an optional minus, at most fifteen digits, and at most
 * fifteen after a point. {@link BigDecimal}'s own reading also takes an exponent, and {@code
 * 1e999999999} is then a number whose every printing, in a problem or a result, takes gigabytes; a
 * number typed by someone is read here, so it cannot be one.
 */
public final class PlainDecimal {

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

    private PlainDecimal() {}

    public static boolean isPlain(String text) {
        return text != null && PLAIN.matcher(text).matches();
    }

    /** @throws NumberFormatException when the text is not a plain decimal */
    public static BigDecimal parse(String text) {
        if (!isPlain(text)) {
            throw new NumberFormatException("not a plain decimal of at most fifteen digits either side of the point");
        }
        return new BigDecimal(text);
    }
}

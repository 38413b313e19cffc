package nl.beslisstraat.engine.security;

/**
 * An account or membership that cannot be saved as asked, naming the field that is wrong
 * ({@code username}, {@code personId}, {@code password}, {@code roles}, ...) with a Dutch message
 * that starts with that field's label.
 */
public class AccountRefused extends IllegalArgumentException {

    private final String field;

    public AccountRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package nl.beslisstraat.engine.intake;

import java.util.List;

/** An application that breaks the intake contract; it is answered with 400 and not stored. */
public class InvalidApplication extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidApplication(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

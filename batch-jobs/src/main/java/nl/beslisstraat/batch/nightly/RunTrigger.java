package nl.beslisstraat.batch.nightly;

/**
 * What started an execution of a run: the municipality's schedule, a person in the console (by
 * name), or the command line. Kept with every execution, so that the history says who did what.
 */
public record RunTrigger(Kind kind, String by) {

    public enum Kind {
        SCHEDULE,
        PERSON,
        COMMAND_LINE
    }

    public static RunTrigger schedule() {
        return new RunTrigger(Kind.SCHEDULE, null);
    }

    public static RunTrigger person(String userName) {
        return new RunTrigger(Kind.PERSON, userName);
    }

    public static RunTrigger commandLine() {
        return new RunTrigger(Kind.COMMAND_LINE, System.getProperty("user.name"));
    }
}

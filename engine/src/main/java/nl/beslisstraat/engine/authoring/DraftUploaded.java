package nl.beslisstraat.engine.authoring;

/** A rule-set or norm version was uploaded and stored as a draft. */
record DraftUploaded(Kind kind, long id) {

    enum Kind {
        RULE_SET,
        NORMS
    }
}

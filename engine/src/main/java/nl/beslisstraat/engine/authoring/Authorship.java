package nl.beslisstraat.engine.authoring;

/**
 * Who stands behind a version, by person (an employee number) beside the accounts the version
 * names: four eyes are two people, not two accounts. The persons are looked up from the accounts
 * when the draft is made and when it is approved, and kept with the version.
 *
 * @param authorPerson the person of the account that uploaded or reactivated the draft
 * @param approverPerson the person of the approving account; null until approved
 * @param reactivatedFrom the earlier version a reactivation brings back; null for an upload
 * @param originAuthor the account that uploaded that earlier version; null for an upload, or for a
 *     version shipped with the product
 * @param originAuthorPerson that account's person, who may not approve the reactivation either
 */
public record Authorship(
        String authorPerson,
        String approverPerson,
        String reactivatedFrom,
        String originAuthor,
        String originAuthorPerson) {

    /**
     * Whether the person wrote the version, or the earlier version it brings back. An employee
     * number names the same person in any capitals.
     */
    boolean wrote(String person) {
        return person.equalsIgnoreCase(authorPerson) || person.equalsIgnoreCase(originAuthorPerson);
    }
}

package nl.beslisstraat.engine.regulation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Personal data that may never be an input of a decision, whatever a regulation or an officer's
 * model says, each with the article of law that forbids it. An automated decision that looks at
 * someone's origin, beliefs, health or past convictions is unlawful even when the outcome would
 * be the same, so a schema field, a decision table column or a DMN input that names one is
 * refused before anything is compiled.
 *
 * <p>Names are matched by meaning rather than by one spelling: a name is split into words at
 * capitals, digits and separators, accents are dropped, and the words are compared with Dutch
 * and English terms for each category, as whole words, as the start of a compound
 * ({@code gezondheidstoestand}) or as a phrase written together ({@code countryOfBirth},
 * {@code geboorteland}). A few words make a name mean something else ({@code healthPremium} is
 * what an applicant pays for insurance, not a fact about their health).
 */
public final class BannedInputs {

    /**
     * One kind of forbidden input.
     *
     * @param name what it is, as officers read it, in both languages of the pages
     * @param article the article of law that forbids it as a decision input, cited in both
     *     languages (the Dutch names of the laws stay beside the English ones)
     * @param words whole words that name it
     * @param stems beginnings of a word, or of the name written as one word, that name it
     * @param phrases sets of words that name it together, in any order ({@code birth} and {@code country})
     * @param neutral words that give a matching name another meaning
     */
    public record Category(
            Phrase name,
            Phrase article,
            Set<String> words,
            Set<String> stems,
            List<Set<String>> phrases,
            Set<String> neutral) {}

    /** A name that names a forbidden input: which name, which category. */
    public record Match(String name, Category category) {

        /** The refusal in Dutch, as the API and the logs give it. */
        public String message() {
            return phrase().nl();
        }

        /** The refusal an officer reads, with the article of law, in Dutch and English. */
        public Phrase phrase() {
            return Phrase.of(
                    "'{0}' is {1}: dat mag nooit een gegeven voor een besluit zijn ({2}).",
                    "'{0}' is {1}: that may never be an input for a decision ({2}).",
                    name,
                    category.name(),
                    category.article());
        }
    }

    /** The category of text of any content, which a schema may not take as a decision input either. */
    public static final String FREE_TEXT = "vrije tekst";

    private static final String SPECIAL = "AVG art. 9 lid 1 (bijzondere categorieën persoonsgegevens)";
    private static final String SPECIAL_EN = "AVG (GDPR) art. 9(1) (special categories of personal data)";

    public static final List<Category> CATEGORIES = List.of(
            new Category(
                    new Phrase("nationaliteit", "nationality"),
                    new Phrase(
                            SPECIAL + ", als aanwijzing voor etnische afkomst; UAVG art. 22 en 25; art. 1 Grondwet",
                            SPECIAL_EN + ", as an indication of ethnic origin; UAVG art. 22 and 25; art. 1 of the"
                                    + " Constitution (Grondwet)"),
                    Set.of("nationaliteit", "nationality", "nationalities", "citizenship", "staatsburgerschap"),
                    Set.of("nationalit", "nationaliteit", "staatsburger", "burgerschap", "citizenship", "paspoortland"),
                    List.of(Set.of("dual", "national"), Set.of("dubbele", "nationaliteit")),
                    Set.of()),
            new Category(
                    new Phrase("geboorteland", "country of birth"),
                    new Phrase(
                            SPECIAL + ", als aanwijzing voor etnische afkomst; UAVG art. 22 en 25; art. 1 Grondwet",
                            SPECIAL_EN + ", as an indication of ethnic origin; UAVG art. 22 and 25; art. 1 of the"
                                    + " Constitution (Grondwet)"),
                    Set.of(),
                    Set.of(
                            "geboorteland",
                            "geboorteplaats",
                            "countryofbirth",
                            "birthcountry",
                            "placeofbirth",
                            "birthplace",
                            "landvangeboorte",
                            "landvanherkomst",
                            "countryoforigin",
                            "herkomstland",
                            "geborenin",
                            "bornin"),
                    List.of(
                            Set.of("country", "birth"),
                            Set.of("land", "geboorte"),
                            Set.of("country", "origin"),
                            Set.of("land", "herkomst"),
                            Set.of("birth", "place")),
                    Set.of()),
            new Category(
                    new Phrase("etnische afkomst of ras", "ethnic origin or race"),
                    new Phrase(
                            SPECIAL + ": ras of etnische afkomst; UAVG art. 22 en 25",
                            SPECIAL_EN + ": racial or ethnic origin; UAVG art. 22 and 25"),
                    Set.of("race", "ras", "races", "rassen", "ethnicity", "etniciteit"),
                    Set.of(
                            "ethnic",
                            "etnisch",
                            "etnici",
                            "racial",
                            "raciaal",
                            "afkomst",
                            "herkomst",
                            "huidskleur",
                            "skincolo",
                            "migratieachtergrond",
                            "migrationbackground",
                            "allochto",
                            "autochto"),
                    List.of(Set.of("skin", "colour"), Set.of("skin", "color"), Set.of("migration", "background")),
                    Set.of()),
            new Category(
                    new Phrase("godsdienst of levensovertuiging", "religion or belief"),
                    new Phrase(
                            SPECIAL + ": religieuze of levensbeschouwelijke overtuigingen; UAVG art. 22 en 27",
                            SPECIAL_EN + ": religious or philosophical beliefs; UAVG art. 22 and 27"),
                    Set.of(
                            "geloof",
                            "faith",
                            "belief",
                            "beliefs",
                            "church",
                            "kerk",
                            "moskee",
                            "mosque",
                            "synagoge",
                            "synagogue",
                            "islam",
                            "muslim",
                            "moslim",
                            "christian",
                            "christen",
                            "jewish",
                            "joods",
                            "hindu",
                            "catholic",
                            "katholiek",
                            "protestant"),
                    Set.of(
                            "religi",
                            "godsdienst",
                            "geloofsovertuiging",
                            "levensovertuiging",
                            "levensbeschouw",
                            "kerkgenootschap",
                            "kerklid",
                            "gezindte"),
                    List.of(),
                    Set.of()),
            new Category(
                    new Phrase("gezondheid", "health"),
                    new Phrase(
                            SPECIAL
                                    + ": gegevens over gezondheid (ook genetische en biometrische); UAVG art. 22, 28, 29"
                                    + " en 30",
                            SPECIAL_EN
                                    + ": data concerning health (genetic and biometric data too); UAVG art. 22, 28, 29"
                                    + " and 30"),
                    Set.of("ziek", "sick", "sickness", "patient", "hiv", "aids", "dna", "ill", "ggz", "wlz"),
                    Set.of(
                            "health",
                            "gezondheid",
                            "medical",
                            "medisch",
                            "medicat",
                            "medicijn",
                            "diagnos",
                            "disabilit",
                            "disabled",
                            "handicap",
                            "gehandicapt",
                            "illness",
                            "ziekte",
                            "disease",
                            "zwanger",
                            "pregnan",
                            "psychiatr",
                            "psychisch",
                            "mentalhealth",
                            "verslav",
                            "addict",
                            "genetic",
                            "genetisch",
                            "biometri",
                            "bloedgroep",
                            "bloodtype",
                            "chronic",
                            "chronisch",
                            "arbeidsongeschikt",
                            "invaliditeit",
                            "zorgindicatie"),
                    List.of(Set.of("blood", "type"), Set.of("mental", "state")),
                    // what someone pays for insurance is money, not a fact about their health
                    Set.of("premium", "premie", "insurance", "verzekering", "insurer", "verzekeraar")),
            new Category(
                    new Phrase("seksuele gerichtheid of seksueel gedrag", "sexual orientation or sex life"),
                    new Phrase(
                            SPECIAL + ": seksueel gedrag of seksuele gerichtheid; UAVG art. 22",
                            SPECIAL_EN + ": sex life or sexual orientation; UAVG art. 22"),
                    Set.of(
                            "gay",
                            "lgbt",
                            "lgbtq",
                            "lgbtqi",
                            "lhbt",
                            "lhbti",
                            "homo",
                            "lesbian",
                            "lesbisch",
                            "bisexual"),
                    Set.of(
                            "sexualorient",
                            "sexualpref",
                            "sexual",
                            "sexlife",
                            "seksue",
                            "seksleven",
                            "geaardheid",
                            "gerichtheid",
                            "transgender",
                            "genderidentit"),
                    List.of(Set.of("sex", "life")),
                    Set.of()),
            new Category(
                    new Phrase("politieke opvatting", "political opinion"),
                    new Phrase(
                            SPECIAL + ": politieke opvattingen; UAVG art. 22 en 26",
                            SPECIAL_EN + ": political opinions; UAVG art. 22 and 26"),
                    Set.of("vote", "voted", "stem"),
                    Set.of(
                            "politic",
                            "politiek",
                            "partijlid",
                            "partymember",
                            "partijvoorkeur",
                            "partypreference",
                            "stemvoorkeur",
                            "kiesvoorkeur",
                            "voteintention",
                            "votingpreference"),
                    List.of(Set.of("voting", "intention"), Set.of("party", "member")),
                    Set.of("third", "derde", "counter", "tegen")),
            new Category(
                    new Phrase("lidmaatschap van een vakbond", "trade union membership"),
                    new Phrase(
                            SPECIAL + ": lidmaatschap van een vakbond; UAVG art. 22",
                            SPECIAL_EN + ": trade union membership; UAVG art. 22"),
                    Set.of("union", "unions", "fnv", "cnv"),
                    Set.of("vakbond", "tradeunion", "labourunion", "laborunion", "unionmember", "vakvereniging"),
                    List.of(Set.of("trade", "union"), Set.of("union", "member")),
                    Set.of("european", "europese", "eu")),
            new Category(
                    new Phrase("strafrechtelijk gegeven", "criminal data"),
                    new Phrase(
                            "AVG art. 10 (strafrechtelijke veroordelingen en strafbare feiten); UAVG art. 31 tot en"
                                    + " met 33",
                            "AVG (GDPR) art. 10 (criminal convictions and offences); UAVG art. 31 to 33"),
                    Set.of("vog", "crime", "crimes", "arrest", "arrested", "verdachte", "suspect", "suspected"),
                    Set.of(
                            "criminal",
                            "crimineel",
                            "criminele",
                            "strafblad",
                            "strafrecht",
                            "strafbaar",
                            "justitieel",
                            "justitiele",
                            "conviction",
                            "convicted",
                            "veroorde",
                            "offence",
                            "offense",
                            "offender",
                            "delict",
                            "misdrijf",
                            "misdaad",
                            "detentie",
                            "gedetineerd",
                            "prison",
                            "gevangen",
                            "policerecord",
                            "politieregist",
                            "verklaringomtrentgedrag"),
                    List.of(Set.of("police", "record"), Set.of("justice", "record")),
                    Set.of()),
            new Category(
                    new Phrase(FREE_TEXT, "free text"),
                    new Phrase(
                            "AVG art. 5 lid 1 onder c (minimale gegevensverwerking): vrije tekst kan elk"
                                    + " persoonsgegeven bevatten, ook bijzondere (AVG art. 9 en 10)",
                            "AVG (GDPR) art. 5(1)(c) (data minimisation): free text can hold any personal data,"
                                    + " special categories too (AVG art. 9 and 10)"),
                    Set.of("note", "notes", "remark", "remarks", "comment", "comments", "description", "memo", "text"),
                    Set.of(
                            "freetext",
                            "vrijetekst",
                            "opmerking",
                            "toelichting",
                            "omschrijving",
                            "beschrijving",
                            "notitie",
                            "aantekening",
                            "freeform"),
                    List.of(Set.of("free", "text"), Set.of("vrije", "tekst")),
                    Set.of()),
            new Category(
                    new Phrase("burgerservicenummer", "a citizen service number (burgerservicenummer)"),
                    new Phrase(
                            "UAVG art. 46: het burgerservicenummer dient alleen om iemand te identificeren, niet om te"
                                    + " beslissen",
                            "UAVG art. 46: the citizen service number serves only to identify someone, not to"
                                    + " decide"),
                    Set.of("bsn", "ssn", "sofi"),
                    Set.of(
                            "burgerservicenummer",
                            "citizenservicenumber",
                            "socialsecuritynumber",
                            "sofinummer",
                            "nationalidnumber",
                            "nationalidentificationnumber"),
                    List.of(),
                    Set.of()));

    private BannedInputs() {}

    /** The free-text category, for a field that takes text of any content whatever it is called. */
    public static Category freeText() {
        return CATEGORIES.stream()
                .filter(category -> category.name().nl().equals(FREE_TEXT))
                .findFirst()
                .orElseThrow();
    }

    /** The category the name belongs to, if it names a forbidden input. */
    public static Optional<Match> match(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> words = words(name);
        String joined = String.join("", words);
        for (Category category : CATEGORIES) {
            if (words.stream().anyMatch(category.neutral()::contains)) {
                continue;
            }
            boolean named = words.stream().anyMatch(category.words()::contains)
                    || category.stems().stream()
                            .anyMatch(stem -> joined.startsWith(stem)
                                    || words.stream().anyMatch(word -> word.startsWith(stem))
                                    || (stem.length() >= 6 && joined.contains(stem)))
                    || category.phrases().stream()
                            .anyMatch(phrase -> phrase.stream()
                                    .allMatch(part -> words.stream().anyMatch(word -> word.startsWith(part))));
            if (named) {
                return Optional.of(new Match(name, category));
            }
        }
        return Optional.empty();
    }

    /** Every name of the list that names a forbidden input. */
    public static List<Match> matches(Iterable<String> names) {
        List<Match> found = new ArrayList<>();
        for (String name : names) {
            match(name).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The words of a name or a short expression: split at capitals (keeping runs of capitals such as
     * {@code BSN} together), digits and anything that is not a letter, lower case, without accents.
     */
    static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String spaced = plain.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ")
                .replaceAll("(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})", " ")
                .replaceAll("[^\\p{L}]+", " ")
                .toLowerCase(Locale.ROOT)
                .trim();
        if (spaced.isEmpty()) {
            return List.of();
        }
        return List.of(spaced.split(" +"));
    }
}

package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A refusal is said in the reviewer's language, its words too; the API keeps the Dutch detail. */
class ReviewRefusedTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ResourceBundleMessageSource messages = bundles();

    @Test
    void anOutcomeIsNamedByItsLabelInThePagesLanguage() {
        ReviewRefused refused = new ReviewRefused(
                "Uitkomst PARTIALLY_GRANTED is voor PARKING_PERMIT niet mogelijk.",
                ReviewRefused.Kind.INVALID,
                "outcomeNotAllowed",
                new DefaultMessageSourceResolvable(new String[] {"outcome.PARTIALLY_GRANTED"}, "PARTIALLY_GRANTED"));

        assertThat(refused.in(messages, Locale.ENGLISH))
                .isEqualTo("The outcome ‘Partially granted’ is not possible for this case; nothing has been recorded.");
        assertThat(refused.in(messages, DUTCH))
                .isEqualTo(
                        "De uitkomst ‘Gedeeltelijk toegekend’ is voor deze zaak niet mogelijk; er is niets vastgelegd.");
        assertThat(refused.getMessage()).startsWith("Uitkomst PARTIALLY_GRANTED");
    }

    @Test
    void anAmountIsNamedByItsLabelAndTheLimitInTheLanguagesMoney() {
        ReviewRefused refused = new ReviewRefused(
                "Bedrag fee: ...",
                ReviewRefused.Kind.INVALID,
                "amountOutOfRange",
                new Phrase("Leges per jaar (EUR)", "Annual fee (EUR)"),
                Phrase.money(new BigDecimal("100000000")));

        assertThat(refused.in(messages, Locale.ENGLISH))
                .startsWith("Annual fee (EUR): an amount in euros from 0 up to and including €100,000,000.00,");
        assertThat(refused.in(messages, DUTCH))
                .startsWith("Leges per jaar (EUR): een bedrag in euro’s van 0 tot en met € 100.000.000,00,");
    }

    @Test
    void aRefusalWithoutAPagesMessageIsItsOwnMessage() {
        ReviewRefused refused = new ReviewRefused("Zaak 7 bestaat niet.", ReviewRefused.Kind.NOT_FOUND);

        assertThat(refused.in(messages, Locale.ENGLISH)).isEqualTo("Zaak 7 bestaat niet.");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }
}

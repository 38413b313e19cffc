package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

/**
 * Every error a page can meet has a title and a text in Dutch and in English; the 404, 403, 405
 * and 400 pages are shown in the browser by {@code ReviewerFormsBrowserTests}, the 500 (from a page
 * that fails in that test's context only) and each role's navigation on the error pages by {@code
 * ErrorPagesBrowserTests}.
 */
class ErrorPagesTests {

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void everyHttpErrorHasATitleAndATextInBothLanguages() {
        for (HttpStatus status : HttpStatus.values()) {
            if (!status.isError()) {
                continue;
            }
            String problem = ErrorPages.problem(status);
            for (Locale language : new Locale[] {Locale.forLanguageTag("nl"), Locale.ENGLISH}) {
                assertThat(messages.getMessage("error." + problem + ".title", null, null, language))
                        .as(status + " in " + language)
                        .isNotBlank();
                assertThat(messages.getMessage("error." + problem + ".text", null, null, language))
                        .as(status + " in " + language)
                        .isNotBlank();
            }
        }
    }

    @Test
    void aFaultOnOurSideIsSaidSoAndAMissingPageIsNotFound() {
        assertThat(ErrorPages.problem(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo("serverError");
        assertThat(ErrorPages.problem(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("serverError");
        assertThat(ErrorPages.problem(HttpStatus.NOT_FOUND)).isEqualTo("notFound");
        assertThat(messages.getMessage("error.serverError.title", null, Locale.forLanguageTag("nl")))
                .isEqualTo("Er ging iets mis");
        assertThat(messages.getMessage("error.serverError.title", null, Locale.ENGLISH))
                .isEqualTo("Something went wrong");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}

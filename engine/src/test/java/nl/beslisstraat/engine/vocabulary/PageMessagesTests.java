package nl.beslisstraat.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A message with arguments is read as a {@link MessageFormat}, where a single apostrophe starts
 * quoted text: "this run's tasks ... Run {0}" would show "{0}" to the reader instead of the run.
 * Every such message, in each language, must fill every argument it names.
 */
class PageMessagesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyMessageWithArgumentsFillsThemAllInEachLanguage() throws IOException {
        List<String> unfilled = new ArrayList<>();
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = new Properties();
            try (Reader in = new InputStreamReader(
                    getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                var arguments = ARGUMENT.matcher(message);
                int count = 0;
                while (arguments.find()) {
                    count = Math.max(count, Integer.parseInt(arguments.group(1)) + 1);
                }
                if (count == 0) {
                    continue; // not read as a MessageFormat: apostrophes are plain text there
                }
                Object[] values = new Object[count];
                java.util.Arrays.fill(values, 2); // a number: some arguments are {0,number} or {0,choice}
                String shown = new MessageFormat(message, Locale.ROOT).format(values);
                if (ARGUMENT.matcher(shown).find()) {
                    unfilled.add(bundle + " " + key + ": an argument is shown as written: " + shown);
                }
            }
        }
        assertThat(unfilled).isEmpty();
    }
}

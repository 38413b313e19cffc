package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each version stands on the line: in force today, planned, superseded, draft, withdrawn. */
class VersionTimelineTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void marksTheVersionTheCatalogNamesAsInForceAndDatesEachUntilTheNextTakesOver() {
        List<VersionTimeline.Entry> line = VersionTimeline.of(
                List.of(
                        shipped("2026.1", LocalDate.of(2026, 1, 1)),
                        shipped("2026.2", LocalDate.of(2026, 7, 1)),
                        upload("2027.1", 1L, "APPROVED", LocalDate.of(2027, 1, 1)),
                        upload("2027.2", 2L, "DRAFT", null),
                        upload("2027.3", 3L, "WITHDRAWN", LocalDate.of(2027, 3, 1))),
                date -> date.isBefore(LocalDate.of(2026, 7, 1)) ? "2026.1" : "2026.2",
                TODAY);

        assertThat(line)
                .extracting(entry -> entry.version().version(), VersionTimeline.Entry::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2027.3", VersionTimeline.State.WITHDRAWN),
                        org.assertj.core.groups.Tuple.tuple("2027.2", VersionTimeline.State.DRAFT),
                        org.assertj.core.groups.Tuple.tuple("2027.1", VersionTimeline.State.PLANNED),
                        org.assertj.core.groups.Tuple.tuple("2026.2", VersionTimeline.State.IN_FORCE),
                        org.assertj.core.groups.Tuple.tuple("2026.1", VersionTimeline.State.SUPERSEDED));
        assertThat(line.get(3).effectiveUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(line.get(4).effectiveUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(line.get(2).effectiveUntil())
                .as("nothing follows the planned version")
                .isNull();
        assertThat(line.get(1).effectiveUntil())
                .as("a withdrawn version never applies")
                .isNull();
    }

    @Test
    void onTheSameDateTheVersionTheCatalogChoseTookOverAndTheOtherNeverApplied() {
        List<VersionTimeline.Entry> line = VersionTimeline.of(
                List.of(
                        upload("a", 1L, "APPROVED", LocalDate.of(2026, 1, 1)),
                        shipped("2026.1", LocalDate.of(2026, 1, 1))),
                date -> "a",
                TODAY);

        assertThat(line).extracting(entry -> entry.version().version()).containsExactly("a", "2026.1");
        assertThat(line.get(0).inForce()).isTrue();
        assertThat(line.get(1).state()).isEqualTo(VersionTimeline.State.SUPERSEDED);
        assertThat(line.get(1).effectiveUntil()).isNull();
        assertThat(line.get(1).applied()).isFalse();
    }

    @Test
    void noVersionIsInForceWhenTheCatalogNamesNone() {
        List<VersionTimeline.Entry> line = VersionTimeline.of(
                List.of(upload("2027.1", 1L, "APPROVED", LocalDate.of(2027, 1, 1))), date -> null, TODAY);

        assertThat(line).noneMatch(VersionTimeline.Entry::inForce);
    }

    private static VersionTimeline.Version shipped(String version, LocalDate from) {
        return new VersionTimeline.Version(
                version,
                null,
                "APPROVED",
                from,
                List.of(new VersionTimeline.Step("SHIPPED", null, null, from)),
                null,
                null);
    }

    private static VersionTimeline.Version upload(String version, Long id, String status, LocalDate from) {
        return new VersionTimeline.Version(version, id, status, from, List.of(), 3L, 0L);
    }
}

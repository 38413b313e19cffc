package nl.beslisstraat.engine.workbench;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Moments are stored in UTC; the pages show them in Dutch time, as the audit trail's "when" must
 * read for a reviewer or a judge. Available to every page as {@code clock}.
 */
@ControllerAdvice(assignableTypes = {ReviewPages.class, AuditPages.class})
class DutchTime {

    @ModelAttribute("clock")
    DutchTime clock() {
        return this;
    }

    public ZonedDateTime local(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(DecisionDeadline.NETHERLANDS);
    }
}

package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A heads file's line reads back as the head it was written from, also for a chain without links. */
class ChainHeadTests {

    @Test
    void aHeadReadsBackAsItWasWritten() {
        ChainHead head = new ChainHead("audit_log", "0344", 12, "ab".repeat(32));

        assertThat(ChainHead.parse(head.line())).isEqualTo(head);
    }

    @Test
    void aChainWithoutLinksHasALineThatReadsBack() {
        ChainHead empty = new ChainHead(PlatformAuditLog.CHAIN, PlatformAuditLog.PLATFORM, 0, "");

        assertThat(empty.line()).isEqualTo("platform_audit_log platform 0 -");
        assertThat(ChainHead.parse(empty.line())).isEqualTo(empty);
    }
}

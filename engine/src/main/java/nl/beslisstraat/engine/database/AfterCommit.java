package nl.beslisstraat.engine.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a change of in-memory state (a rule set or norm version put in or out of force) only once
 * the transaction that recorded it has committed: the running engine never decides with a
 * version the database does not have, and a failed approval leaves nothing behind.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    change.run();
                }
            });
        } else {
            change.run();
        }
    }
}

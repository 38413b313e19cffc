package nl.beslisstraat.engine.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The daily chain verification runs in the long-running application only; the batch jar's commands
 * end when their work is done and verify on request ({@code --verify-audit-chain}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class ChainScheduling {}

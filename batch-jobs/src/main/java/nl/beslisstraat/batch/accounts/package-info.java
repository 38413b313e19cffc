/**
 * Accounts an operator makes from the command line, before anyone can sign in: the first platform
 * administrator of a new installation.
 */
package nl.beslisstraat.batch.accounts;

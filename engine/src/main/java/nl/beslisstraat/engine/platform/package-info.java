/**
 * Platform administration: the platform administrator (role {@code PLATFORM_ADMIN}, an account
 * that works for no municipality) onboards a municipality (CBS code and name) and its first
 * accounts, each with roles in that municipality, and gives an existing account roles in a further
 * municipality, through pages ({@code /platform}) and REST ({@code /api/platform}). Every such
 * action is written to the audit log of the municipality it concerns. The administrator reads no
 * municipality's cases, decisions, review tasks, rules or audit trail: those paths refuse the role,
 * and its connections carry no municipality, so row-level security shows it nothing anyway.
 * Proved by {@code PlatformOnboardingIntegrationTests}, {@code PlatformBrowserTests} and {@code
 * AuthorizationTests}.
 */
package nl.beslisstraat.engine.platform;

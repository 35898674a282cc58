/**
 * Deliberate violations of the house rules (and their allowed twins), for {@code HouseRulesFixtureTest}: outside the
 * application's packages, so neither Spring nor Spring Modulith ever sees them.
 */
package ai.revo.archfixture;

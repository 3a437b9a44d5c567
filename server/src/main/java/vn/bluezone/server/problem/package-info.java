/**
 * The features' failures, free of HTTP: {@link vn.bluezone.server.problem.DomainException} carries an
 * {@link vn.bluezone.api.ErrorCode}; {@code web/} maps it to a status. A floor: depends on no feature.
 */
package vn.bluezone.server.problem;

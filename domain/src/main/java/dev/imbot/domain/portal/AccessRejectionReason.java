package dev.imbot.domain.portal;

import dev.imbot.domain.rejection.RejectionReason;

/** Why a caller was refused before any method ran: a closed set. */
public enum AccessRejectionReason implements RejectionReason {
  /** A webhook call that must name its application gave no {@code CLIENT_ID}. */
  CLIENT_ID_NOT_SPECIFIED,
  /** Unknown or wrong webhook secret or access token, or no credentials at all. */
  WRONG_AUTHORIZATION,
  /** The access token has expired (clients refresh on exactly this code). */
  ACCESS_TOKEN_EXPIRED
}

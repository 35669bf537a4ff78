// Lifetimes of what the provider issues (SSO-4: access tokens at most 10 minutes), in seconds.
export const ACCESS_TOKEN_SECONDS = 10 * 60;
export const ID_TOKEN_SECONDS = 10 * 60;
export const AUTHORIZATION_CODE_SECONDS = 60;
export const INTERACTION_SECONDS = 10 * 60;
/** The provider's own session never outlives the portal session it stands for (SESSION_ABSOLUTE_MS). */
export const SESSION_SECONDS = 12 * 60 * 60;
/** Refresh tokens (offline_access only) and grants: a working day; they also end with the permission (SSO-5). */
export const REFRESH_TOKEN_SECONDS = 12 * 60 * 60;
export const GRANT_SECONDS = 12 * 60 * 60;
/** Logout tokens are signed by the portal too. */
export const LOGOUT_TOKEN_SECONDS = 2 * 60;
/** The longest-lived token signed with a provider key (ID tokens; access tokens are opaque). */
export const LONGEST_SIGNED_TOKEN_SECONDS = Math.max(ID_TOKEN_SECONDS, LOGOUT_TOKEN_SECONDS);

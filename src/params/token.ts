import type { ParamMatcher } from '@sveltejs/kit';

/** Tokens are 32 characters of lower-case base32. */
export const match: ParamMatcher = (param) => /^[a-z2-7]{32}$/.test(param);

import type { ParamMatcher } from '@sveltejs/kit';

/** Row IDs are 16 characters of lower-case base32. */
export const match: ParamMatcher = (param) => /^[a-z2-7]{16}$/.test(param);

import type { ParamMatcher } from '@sveltejs/kit';

/** A git commit ID of the content history: 40 hexadecimal digits. */
export const match: ParamMatcher = (param) => /^[0-9a-f]{40}$/.test(param);

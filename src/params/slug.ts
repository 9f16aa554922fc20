import type { ParamMatcher } from '@sveltejs/kit';

/**
 * Content IDs: lower-case letters, digits and single hyphens. The same pattern as ID_PATTERN
 * in $lib/server/content/layout.js, repeated because matchers also run in the browser.
 */
export const match: ParamMatcher = (param) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param);

import type { ParamMatcher } from '@sveltejs/kit';

/**
 * One part of a content ID (course, module or item slug); anything else is a 404.
 * Matchers also run in the browser, so this repeats ID_PATTERN from
 * `$lib/server/content/layout.js` instead of importing server code; a test keeps them equal.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const match: ParamMatcher = (param) => SLUG_PATTERN.test(param);

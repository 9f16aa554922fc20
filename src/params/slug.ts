import type { ParamMatcher } from '@sveltejs/kit';

/**
 * One part of a content ID (course, module or item slug); anything else is a 404. Same rule as
 * ID_PATTERN in `$lib/server/content/layout.js`, written out because matchers also run in the
 * browser, where `$lib/server` may not be imported (the build refuses it).
 */
export const match: ParamMatcher = (param) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param);

import type { ParamMatcher } from '@sveltejs/kit';
import { ID_PATTERN } from '$lib/server/content/layout.js';

/** One part of a content ID (course, module or item slug); anything else is a 404. */
export const match: ParamMatcher = (param) => ID_PATTERN.test(param);

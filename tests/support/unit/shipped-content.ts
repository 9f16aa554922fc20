import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import { publishContent, type ContentVersion } from '$lib/server/content/store';

/**
 * Makes the shipped courses live in this test file, for tests about the shipped product itself
 * (the demo data); every other test works with the fixture courses.
 */
export function useShippedContent(): void {
	publishContent(deserialize(inject('shippedContent')) as ContentVersion);
}

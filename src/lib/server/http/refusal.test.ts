import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { answerRefusal } from './refusal';

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (caught) {
		return caught;
	}
	throw new Error('nothing was thrown');
}

describe('answerRefusal', () => {
	it('answers "not found" with a 404', () => {
		const caught = thrown(() => answerRefusal({ kind: 'not_found' }));
		expect(isHttpError(caught, 404)).toBe(true);
	});

	it('answers a redirect with a 303 to where the user can go on', () => {
		const caught = thrown(() => answerRefusal({ kind: 'redirect', to: '/kurse/a/b' }));
		expect(isRedirect(caught) && caught.status === 303 && caught.location).toBe('/kurse/a/b');
	});

	it('hands every other outcome back unchanged', () => {
		const view = { kind: 'open' as const, title: 'Quiz' };
		expect(answerRefusal(view)).toBe(view);
	});
});

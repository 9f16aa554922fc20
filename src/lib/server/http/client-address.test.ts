import { isHttpError } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$test/source-files';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
	it("gives the request's address", () => {
		expect(clientAddress({ getClientAddress: () => '203.0.113.5' })).toBe('203.0.113.5');
	});

	it('answers a 400 with a German explanation when the proxy header is missing', () => {
		const missing = () => {
			throw new Error('Address header was specified with ADDRESS_HEADER=x-forwarded-for');
		};
		try {
			clientAddress({ getClientAddress: missing });
			expect.unreachable();
		} catch (thrown) {
			expect(isHttpError(thrown) && thrown.status).toBe(400);
			expect(isHttpError(thrown) && thrown.body.detail).toContain('vorgesehenen Weg');
		}
	});

	it('is how routes ask for the address (getClientAddress throws without the header)', () => {
		const offenders = sourceFiles('src/routes', '.ts').filter((file) =>
			readFileSync(file, 'utf8').includes('getClientAddress')
		);
		expect(offenders).toEqual([]);
	});
});

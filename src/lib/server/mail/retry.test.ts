import { describe, expect, it } from 'vitest';
import { classifySendError, retryDelay, RETRY_DELAYS_MS } from './retry';

const MINUTE = 60_000;

describe('retry schedule', () => {
	it('waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
		expect([1, 2, 3, 4, 5].map(retryDelay)).toEqual([
			MINUTE,
			5 * MINUTE,
			30 * MINUTE,
			120 * MINUTE,
			720 * MINUTE
		]);
		expect(retryDelay(RETRY_DELAYS_MS.length + 1)).toBeNull();
	});
});

describe('classifying send errors', () => {
	it('a 5xx to the recipient or the content is permanent', () => {
		expect(
			classifySendError({
				code: 'EENVELOPE',
				responseCode: 550,
				permanent: true,
				response: '550 No such user'
			})
		).toEqual({ permanent: true, transport: false, reason: '550: 550 No such user' });
		expect(classifySendError({ code: 'EMESSAGE', responseCode: 554 }).permanent).toBe(true);
	});

	it('a 4xx and 503 are temporary', () => {
		expect(
			classifySendError({ code: 'EENVELOPE', responseCode: 451, permanent: false })
		).toMatchObject({
			permanent: false,
			transport: false
		});
		expect(classifySendError({ code: 'EMESSAGE', responseCode: 503 }).permanent).toBe(false);
	});

	it('connection and login failures are temporary problems of the configuration', () => {
		for (const code of ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EAUTH']) {
			expect(
				classifySendError({
					code,
					responseCode: code === 'EAUTH' ? 535 : undefined,
					permanent: code === 'EAUTH'
				})
			).toMatchObject({
				permanent: false,
				transport: true
			});
		}
	});

	it('an unknown error is retried', () => {
		expect(classifySendError(new Error('boom'))).toEqual({
			permanent: false,
			transport: false,
			reason: 'boom'
		});
	});
});

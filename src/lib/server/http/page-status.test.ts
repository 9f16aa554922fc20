import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { answerWithStatus, handlePageStatus } from './page-status';

function request(method: string, { isDataRequest = false, status = 404 as 404 | 410 | null } = {}) {
	const locals = { user: null, session: null } as App.Locals;
	const event = { locals, isDataRequest, request: new Request('http://x/verify/A', { method }) };
	const resolve = async () => {
		if (status) answerWithStatus(locals, status);
		return new Response('<h1>Kein Zertifikat gefunden</h1>', {
			headers: { 'content-type': 'text/html', 'x-frame-options': 'DENY' }
		});
	};
	return handlePageStatus({ event: event as unknown as RequestEvent, resolve });
}

describe('a page with its own not-found state', () => {
	it('answers a read with the status, keeping body and headers', async () => {
		const response = await request('GET', { status: 410 });
		expect(response.status).toBe(410);
		expect(await response.text()).toContain('Kein Zertifikat gefunden');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('leaves pages that set nothing at 200', async () => {
		expect((await request('GET', { status: null })).status).toBe(200);
	});

	it('keeps the client’s data requests and form posts at their own status', async () => {
		expect((await request('GET', { isDataRequest: true })).status).toBe(200);
		expect((await request('POST')).status).toBe(200);
	});
});

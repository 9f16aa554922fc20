import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSitePost } from './csrf';

const url = (path: string) => new URL(`https://lernen.example.org${path}`);
const post = (headers: Record<string, string>, method = 'POST') =>
	new Request('https://lernen.example.org/', {
		method,
		headers,
		body: method === 'GET' ? null : 'a=1'
	});
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const token = 'abcdefghijklmnopqrstuvwxyz234567';

describe('cross-site form posts', () => {
	it('refuses form posts from another origin or without one', () => {
		expect(
			isForbiddenCrossSitePost(post({ ...form, origin: 'https://evil.example' }), url('/konto'))
		).toBe(true);
		expect(isForbiddenCrossSitePost(post(form), url('/konto'))).toBe(true);
		expect(
			isForbiddenCrossSitePost(
				post({ 'content-type': 'multipart/form-data; boundary=x' }),
				url('/konto')
			)
		).toBe(true);
		expect(
			isForbiddenCrossSitePost(post({ 'content-type': 'text/plain' }, 'PUT'), url('/konto'))
		).toBe(true);
	});

	it('accepts same-origin posts and requests that are no form posts', () => {
		expect(
			isForbiddenCrossSitePost(
				post({ ...form, origin: 'https://lernen.example.org' }),
				url('/konto')
			)
		).toBe(false);
		expect(
			isForbiddenCrossSitePost(post({ 'content-type': 'application/json' }), url('/konto'))
		).toBe(false);
		expect(
			isForbiddenCrossSitePost(new Request('https://lernen.example.org/'), url('/konto'))
		).toBe(false);
	});

	it('lets mail providers post the RFC 8058 one-click unsubscribe, and nothing else', () => {
		expect(isForbiddenCrossSitePost(post(form), url(`/abbestellen/${token}/alle`))).toBe(false);
		expect(isForbiddenCrossSitePost(post(form), url(`/abbestellen/${token}/alle/mehr`))).toBe(true);
		expect(isForbiddenCrossSitePost(post(form), url('/abbestellen/kurz/alle'))).toBe(true);
		expect(isForbiddenCrossSitePost(post(form, 'DELETE'), url(`/abbestellen/${token}/alle`))).toBe(
			true
		);
	});
});

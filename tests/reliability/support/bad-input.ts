import { expect } from 'vitest';
import type { Client } from './client';
import { fingerprint } from './database';

export interface BadInputCase {
	name: string;
	/** Which prepared client sends it. */
	as: string;
	path: string;
	fields: Record<string, string> | (() => FormData);
	/** German text the answer must contain. */
	message: string;
	status?: number;
	headers?: Record<string, string>;
	/** GET sends `path` alone (query or path parameters are the bad input). */
	method?: 'GET' | 'POST';
}

/** Bookkeeping that a rejected request may touch: throttling counters and session expiry. */
export const BOOKKEEPING_TABLES = ['throttle_events', 'sessions', 'leases'];

const decodeEntities = (html: string) =>
	html
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** Sends the case and checks: a 4xx, the German message, and not one row changed. */
export async function expectRejected(
	clients: Record<string, Client>,
	databasePath: string,
	badCase: BadInputCase
): Promise<void> {
	const before = fingerprint(databasePath, BOOKKEEPING_TABLES);
	const client = clients[badCase.as]!;
	const fields = typeof badCase.fields === 'function' ? badCase.fields() : badCase.fields;
	const response =
		badCase.method === 'GET'
			? await client.get(badCase.path)
			: await client.post(badCase.path, fields, badCase.headers);
	const body = decodeEntities(await response.text());
	expect(response.status, badCase.name).toBeGreaterThanOrEqual(400);
	expect(response.status, badCase.name).toBeLessThan(500);
	if (badCase.status) expect(response.status, badCase.name).toBe(badCase.status);
	expect(body, badCase.name).toContain(badCase.message);
	expect(fingerprint(databasePath, BOOKKEEPING_TABLES), badCase.name).toEqual(before);
}

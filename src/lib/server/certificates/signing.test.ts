import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	initSigningKey,
	publicKeyFingerprint,
	publicKeyPem,
	signSnapshot,
	verifySnapshot
} from './signing';
import { useTemporaryKeyDir } from '$test/unit/certificates';
import { useFreshDatabase } from '$test/unit/test-database';

useFreshDatabase();
const dir = useTemporaryKeyDir();

const snapshot = {
	version: 1,
	number: '2026-000001',
	learnerName: 'Şebnem Łukasz-Жукова',
	modules: [{ title: 'Modul 1', hours: 8 }],
	totalHours: 32
};

describe('signing', () => {
	it('creates the key pair on first start, readable only by the server user', () => {
		initSigningKey();
		const mode = statSync(join(dir, 'certificate-signing-key.pem')).mode & 0o777;
		expect(mode).toBe(0o600);
		expect(publicKeyPem()).toContain('BEGIN PUBLIC KEY');
		expect(publicKeyFingerprint()).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
	});

	it('keeps the same key across restarts', () => {
		const before = publicKeyPem();
		const signature = signSnapshot(snapshot);
		delete process.env.KEY_DIR;
		process.env.KEY_DIR = dir;
		expect(publicKeyPem()).toBe(before);
		expect(verifySnapshot(snapshot, signature)).toBe(true);
	});

	it('produces canonical JSON regardless of key order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'ä' } })).toBe(
			'{"a":{"c":"ä","d":[2,{"y":2,"z":1}]},"b":1}'
		);
		const reordered = Object.fromEntries(Object.entries(snapshot).reverse());
		expect(verifySnapshot(reordered, signSnapshot(snapshot))).toBe(true);
	});

	it('verifies a signed snapshot and rejects it after tampering', () => {
		const signature = signSnapshot(snapshot);
		expect(verifySnapshot(snapshot, signature)).toBe(true);
		expect(verifySnapshot({ ...snapshot, totalHours: 40 }, signature)).toBe(false);
		expect(verifySnapshot({ ...snapshot, learnerName: 'Sebnem Lukasz' }, signature)).toBe(false);
		const flipped = Buffer.from(signature, 'base64');
		flipped[0] = flipped[0]! ^ 1;
		expect(verifySnapshot(snapshot, flipped.toString('base64'))).toBe(false);
		expect(verifySnapshot(snapshot, 'not a signature')).toBe(false);
	});

	it('rejects a signature checked against another key', () => {
		const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
		expect(verifySnapshot(snapshot, signSnapshot(snapshot), other.toString())).toBe(false);
	});
});

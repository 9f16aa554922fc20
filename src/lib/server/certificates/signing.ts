import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	verify,
	type KeyObject
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { count } from 'drizzle-orm';
import { startupProblem, StartupProblem } from '../config/startup';
import { envFlag, envText } from '../config/env';
import { getDb } from '../db';
import { certificates, eventConfirmations } from '../db/schema';

// The instance signs every certificate snapshot, so a copy of a PDF or its JSON can be checked
// offline against the public key shown on the verify page.

const PRIVATE_FILE = 'certificate-signing-key.pem';
const PUBLIC_FILE = 'certificate-signing-key.pub.pem';

export const keyDir = () => resolve(envText('KEY_DIR') ?? 'data/keys');

interface KeyPair {
	dir: string;
	privateKey: KeyObject;
	publicKey: KeyObject;
}

let cached: KeyPair | undefined;

/** Writes the file only if it does not exist yet: two server processes starting at once agree. */
function writeOnce(path: string, content: string): void {
	try {
		writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
	} catch (error) {
		if ((error as { code?: string }).code !== 'EEXIST') throw error;
	}
}

function loadOrCreate(dir: string): KeyPair {
	const privatePath = join(dir, PRIVATE_FILE);
	if (!existsSync(privatePath)) {
		mkdirSync(dir, { recursive: true, mode: 0o700 });
		const pair = generateKeyPairSync('ed25519');
		writeOnce(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
	}
	chmodSync(privatePath, 0o600);
	const privateKey = createPrivateKey(readFileSync(privatePath));
	const publicKey = createPublicKey(privateKey);
	const publicPath = join(dir, PUBLIC_FILE);
	if (!existsSync(publicPath)) writeOnce(publicPath, publicKeyPemOf(publicKey));
	return { dir, privateKey, publicKey };
}

function publicKeyPemOf(key: KeyObject): string {
	return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Certificates and event confirmations in the database (each carries a signature). */
function signedDocumentCount(): number {
	const db = getDb();
	const signed = [certificates, eventConfirmations].map(
		(table) => db.select({ n: count() }).from(table).get()?.n ?? 0
	);
	return signed.reduce((sum, n) => sum + n, 0);
}

/**
 * A missing key with signed documents in the database is a restore without KEY_DIR: a new key
 * would make every certificate issued so far fail the public check. Only NEW_SIGNING_KEY=true
 * (the operator knows the old key is lost) lets the server create one then.
 */
function missingKeyProblem(path: string): StartupProblem | null {
	if (existsSync(path) || envFlag('NEW_SIGNING_KEY')) return null;
	const signed = signedDocumentCount();
	if (signed === 0) return null;
	return new StartupProblem(
		`Der Signaturschlüssel ${path} fehlt (KEY_DIR), die Datenbank enthält aber ${signed} signierte Zertifikate oder Teilnahmebestätigungen: den Schlüsselordner aus der Sicherung wiederherstellen und KEY_DIR darauf setzen (nur wenn der Schlüssel verloren ist: mit NEW_SIGNING_KEY=true einen neuen erzeugen; alte Zertifikate gelten dann als nicht bestätigt). / ` +
			`The signing key ${path} is missing (KEY_DIR) but the database holds ${signed} signed certificates or confirmations: restore the key folder from the backup and point KEY_DIR to it (only if the key is lost: start with NEW_SIGNING_KEY=true to create a new one; old certificates then fail verification).`
	);
}

/**
 * Loads the key pair from KEY_DIR, generating it on first start (an empty database). Call at
 * server start, after the database is open.
 */
export function initSigningKey(): void {
	const path = join(keyDir(), PRIVATE_FILE);
	const missing = missingKeyProblem(path);
	if (missing) throw missing;
	try {
		getKeyPair();
	} catch (error) {
		throw startupProblem(
			{ de: 'Der Signaturschlüssel', en: 'The signing key' },
			path,
			'KEY_DIR',
			error
		);
	}
}

function getKeyPair(): KeyPair {
	const dir = keyDir();
	if (!cached || cached.dir !== dir) cached = loadOrCreate(dir);
	return cached;
}

export function publicKeyPem(): string {
	return publicKeyPemOf(getKeyPair().publicKey);
}

/** SHA-256 of the public key (DER), grouped for reading aloud or comparing by eye. */
export function publicKeyFingerprint(pem = publicKeyPem()): string {
	const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
	const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
	return hex.match(/.{4}/g)!.join(' ');
}

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, entry]) => entry !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

/** Ed25519 signature (base64) over the canonical JSON of the snapshot. */
export function signSnapshot(snapshot: unknown): string {
	const data = Buffer.from(canonicalJson(snapshot), 'utf8');
	return sign(null, data, getKeyPair().privateKey).toString('base64');
}

export function verifySnapshot(
	snapshot: unknown,
	signature: string,
	publicKey: string = publicKeyPem()
): boolean {
	try {
		const data = Buffer.from(canonicalJson(snapshot), 'utf8');
		return verify(null, data, createPublicKey(publicKey), Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}

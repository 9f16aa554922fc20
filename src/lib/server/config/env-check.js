// Every setting is checked once before the server starts (scripts/serve.js, and hooks.server.ts
// for `node build` and `vite dev`): a wrong value stops the start with one line that names the
// variable and what it accepts, instead of a stack trace from adapter-node, a silent fallback to
// the default, or failures later (every login a 400, every form a 403).
//
// Plain JavaScript without imports from the app, so scripts/serve.js can run it before it loads
// the built server (adapter-node reads ORIGIN and BODY_SIZE_LIMIT while loading).
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** @typedef {Record<string, string | undefined>} Env */

/**
 * Whole-number settings and the range each accepts (defaults are in the README's table).
 * @type {Readonly<Record<string, { min: number; max: number }>>}
 */
export const NUMBER_SETTINGS = {
	PORT: { min: 1, max: 65535 },
	XFF_DEPTH: { min: 1, max: 100 },
	LOGIN_LIMIT_ACCOUNT: { min: 1, max: 1_000_000 },
	LOGIN_LIMIT_ACCOUNT_TOTAL: { min: 1, max: 1_000_000 },
	LOGIN_LIMIT_IP: { min: 1, max: 1_000_000 },
	RESET_LIMIT_IP: { min: 1, max: 1_000_000 },
	NEW_PASSWORD_LIMIT_IP: { min: 1, max: 1_000_000 },
	REGISTER_LIMIT_IP: { min: 1, max: 1_000_000 },
	VERIFY_LIMIT_IP: { min: 1, max: 1_000_000 },
	VERIFY_LIMIT_WINDOW_SECONDS: { min: 1, max: 86_400 },
	BARRIER_REPORT_LIMIT_IP: { min: 1, max: 1_000_000 },
	MAIL_LEASE_SECONDS: { min: 1, max: 86_400 },
	RETENTION_INACTIVE_MONTHS: { min: 1, max: 1200 },
	RETENTION_COHORT_MONTHS: { min: 1, max: 1200 },
	DELETION_GRACE_DAYS: { min: 1, max: 3650 },
	AUDIT_RETENTION_MONTHS: { min: 1, max: 1200 }
};

/** Switches: unset, empty or one of these values. */
const FLAGS = ['CONTENT_WATCH', 'DEMO_MODE', 'NEW_SIGNING_KEY'];
const FLAG_VALUES = ['true', 'false', '1', '0'];

/** Paths: unset means the default; set, they must name something. */
const PATHS = ['DATABASE_PATH', 'UPLOAD_DIR', 'CONTENT_DIR', 'KEY_DIR', 'MAIL_DIR'];

/**
 * @param {string} name
 * @param {string} value
 * @param {{ de: string; en: string }} expected
 */
const invalid = (name, value, expected) =>
	`Die Einstellung ${name}=${JSON.stringify(value)} ist ungültig: ${expected.de}. / ` +
	`The setting ${name}=${JSON.stringify(value)} is invalid: ${expected.en}.`;

/**
 * The problem with a whole-number setting, or null when it is unset or in range.
 * @param {string} name
 * @param {string | undefined} value
 * @returns {string | null}
 */
export function numberProblem(name, value) {
	const range = NUMBER_SETTINGS[name];
	if (!range || value === undefined || value === '') return null;
	const number = Number(value.trim());
	if (/^\s*\d+\s*$/.test(value) && number >= range.min && number <= range.max) return null;
	const max = range.max.toLocaleString('de-DE');
	return invalid(name, value, {
		de: `erlaubt ist eine ganze Zahl von ${range.min} bis ${max}`,
		en: `expected a whole number from ${range.min} to ${range.max}`
	});
}

/**
 * @param {string | undefined} value
 * @param {boolean} required
 * @returns {string | null}
 */
function originProblem(value, required) {
	if (value === undefined && !required) return null;
	if (value === undefined) {
		return (
			'ORIGIN fehlt: die öffentliche Adresse setzen, z. B. ORIGIN=https://lernen.example.org (ohne sie lehnt der Server jedes Formular als Cross-Site ab). / ' +
			'ORIGIN is missing: set the public address, e.g. ORIGIN=https://lernen.example.org (without it the server refuses every form as cross-site).'
		);
	}
	/** @type {URL | undefined} */
	let url;
	try {
		url = new URL(value.trim());
	} catch {
		url = undefined;
	}
	if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return null;
	return invalid('ORIGIN', value, {
		de: 'erwartet wird eine Adresse mit http:// oder https://, z. B. https://lernen.example.org',
		en: 'expected an address with http:// or https://, e.g. https://lernen.example.org'
	});
}

/**
 * @param {string | undefined} value
 * @returns {string | null}
 */
function bodySizeProblem(value) {
	if (value === undefined || /^(\d+[KMG]?|Infinity)$/i.test(value.trim())) return null;
	return invalid('BODY_SIZE_LIMIT', value, {
		de: 'erwartet wird eine Zahl in Bytes, höchstens mit K, M oder G dahinter, z. B. 12M (nicht 12MB)',
		en: 'expected a number of bytes, optionally followed by K, M or G, e.g. 12M (not 12MB)'
	});
}

/**
 * @param {string | undefined} value
 * @returns {string | null}
 */
function migrationsProblem(value) {
	if (value === undefined) return null;
	const dir = resolve(value);
	if (value !== '' && existsSync(join(dir, 'meta', '_journal.json'))) return null;
	return (
		`Der Ordner ${dir} enthält keine Datenbank-Migrationen (MIGRATIONS_DIR): auf den Ordner drizzle des Projekts setzen oder MIGRATIONS_DIR weglassen. / ` +
		`The folder ${dir} holds no database migrations (MIGRATIONS_DIR): point it to the project's drizzle folder or leave MIGRATIONS_DIR unset.`
	);
}

/**
 * @param {string} name
 * @param {string | undefined} value
 * @returns {string | null}
 */
function pathProblem(name, value) {
	if (value === undefined) return null;
	if (value.trim() === '') {
		return invalid(name, value, { de: 'erwartet wird ein Pfad', en: 'expected a path' });
	}
	if (name !== 'DATABASE_PATH' && existsSync(value) && !statSync(value).isDirectory()) {
		return invalid(name, value, {
			de: 'das ist eine Datei, erwartet wird ein Ordner',
			en: 'this is a file, expected a folder'
		});
	}
	return null;
}

/**
 * Every problem with the settings in `env`, one line each (German / English); empty when the
 * server can start. `requireOrigin`: the built server needs ORIGIN; `vite dev` does not.
 * @param {Env} env
 * @param {{ requireOrigin: boolean }} options
 * @returns {string[]}
 */
export function environmentProblems(env, { requireOrigin }) {
	const problems = [
		originProblem(env.ORIGIN, requireOrigin),
		bodySizeProblem(env.BODY_SIZE_LIMIT),
		migrationsProblem(env.MIGRATIONS_DIR),
		...Object.keys(NUMBER_SETTINGS).map((name) => numberProblem(name, env[name])),
		...FLAGS.map((name) => {
			const value = env[name];
			if (value === undefined || value === '' || FLAG_VALUES.includes(value)) return null;
			return invalid(name, value, {
				de: 'erlaubt sind true oder false',
				en: 'expected true or false'
			});
		}),
		...PATHS.map((name) => pathProblem(name, env[name]))
	];
	return problems.filter((problem) => problem !== null);
}

/**
 * @param {{ code?: string; port?: number; address?: string }} error
 * @returns {string}
 */
export function listenProblem(error) {
	const where = error.port ? `Port ${error.port}` : 'Die Adresse';
	const whereEn = error.port ? `Port ${error.port}` : 'The address';
	if (error.code === 'EADDRINUSE') {
		return (
			`${where} ist schon belegt (PORT): den anderen Dienst beenden oder PORT auf einen freien Port setzen. / ` +
			`${whereEn} is already in use (PORT): stop the other service or set PORT to a free port.`
		);
	}
	return (
		`${where} kann nicht geöffnet werden (PORT, HOST): ${error.code ?? 'unbekannter Fehler'}. / ` +
		`${whereEn} cannot be opened (PORT, HOST): ${error.code ?? 'unknown error'}.`
	);
}

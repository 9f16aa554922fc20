import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentProblems, listenProblem } from './env-check.js';

// Wrong settings stop the start with one line naming the variable; right ones pass.

const ORIGIN = 'https://lernen.example.org';
const aFile = join(mkdtempSync(join(tmpdir(), 'env-check-')), 'datei');
writeFileSync(aFile, 'x');

const refused: [Record<string, string>, string][] = [
	[{ XFF_DEPTH: 'abc' }, 'XFF_DEPTH="abc" ist ungültig: erlaubt ist eine ganze Zahl von 1 bis 100'],
	[{ XFF_DEPTH: '0' }, 'XFF_DEPTH="0" ist ungültig'],
	[{ XFF_DEPTH: '-1' }, 'XFF_DEPTH="-1" ist ungültig'],
	[{ ORIGIN: '' }, 'ORIGIN="" ist ungültig: erwartet wird eine Adresse mit http:// oder https://'],
	[{ ORIGIN: 'lernen.example.org' }, 'ORIGIN="lernen.example.org" ist ungültig'],
	[{ ORIGIN: 'ftp://lernen.example.org' }, 'ORIGIN="ftp://lernen.example.org" ist ungültig'],
	[
		{ BODY_SIZE_LIMIT: '12MB' },
		'BODY_SIZE_LIMIT="12MB" ist ungültig: erwartet wird eine Zahl in Bytes'
	],
	[{ PORT: 'abc' }, 'PORT="abc" ist ungültig: erlaubt ist eine ganze Zahl von 1 bis 65.535'],
	[{ PORT: '70000' }, 'PORT="70000" ist ungültig'],
	[{ LOGIN_LIMIT_ACCOUNT: 'abc' }, 'LOGIN_LIMIT_ACCOUNT="abc" ist ungültig'],
	[
		{ VERIFY_LIMIT_IP: '-5' },
		'VERIFY_LIMIT_IP="-5" ist ungültig: erlaubt ist eine ganze Zahl von 1'
	],
	[
		{ RETENTION_INACTIVE_MONTHS: '0' },
		'RETENTION_INACTIVE_MONTHS="0" ist ungültig: erlaubt ist eine ganze Zahl von 1 bis 1.200'
	],
	[{ DELETION_GRACE_DAYS: '2.5' }, 'DELETION_GRACE_DAYS="2.5" ist ungültig'],
	[{ MAIL_LEASE_SECONDS: 'zwei' }, 'MAIL_LEASE_SECONDS="zwei" ist ungültig'],
	[
		{ MIGRATIONS_DIR: '/nonexistent' },
		'Der Ordner /nonexistent enthält keine Datenbank-Migrationen (MIGRATIONS_DIR)'
	],
	[{ DEMO_MODE: 'ja' }, 'DEMO_MODE="ja" ist ungültig: erlaubt sind true oder false'],
	[{ CONTENT_WATCH: 'yes' }, 'CONTENT_WATCH="yes" ist ungültig'],
	[{ DATABASE_PATH: '' }, 'DATABASE_PATH="" ist ungültig: erwartet wird ein Pfad'],
	[{ UPLOAD_DIR: aFile }, `UPLOAD_DIR="${aFile}" ist ungültig: das ist eine Datei`]
];

describe('the settings checked at start', () => {
	it.each(refused)('refuses %o in one line that names it', (env, expected) => {
		const problems = environmentProblems({ ORIGIN, ...env }, { requireOrigin: true });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(expected);
		expect(problems[0]).toMatch(/\. \/ The /);
		expect(problems[0]).not.toContain('\n');
	});

	it('refuses a missing ORIGIN for the built server, not for vite dev', () => {
		expect(environmentProblems({}, { requireOrigin: true })).toEqual([
			expect.stringMatching(/^ORIGIN fehlt: die öffentliche Adresse setzen/)
		]);
		expect(environmentProblems({}, { requireOrigin: false })).toEqual([]);
	});

	it('accepts the values the README and the test servers use', () => {
		const env = {
			ORIGIN: 'http://localhost:3000',
			PORT: '3000',
			BODY_SIZE_LIMIT: '12M',
			XFF_DEPTH: '1',
			ADDRESS_HEADER: 'x-forwarded-for',
			LOGIN_LIMIT_IP: '100000',
			MAIL_LEASE_SECONDS: '3',
			RETENTION_INACTIVE_MONTHS: '36',
			DEMO_MODE: 'true',
			CONTENT_WATCH: '',
			MIGRATIONS_DIR: 'drizzle',
			DATABASE_PATH: 'data/lernplattform.db'
		};
		expect(environmentProblems(env, { requireOrigin: true })).toEqual([]);
		expect(
			environmentProblems({ ORIGIN, BODY_SIZE_LIMIT: '512k' }, { requireOrigin: true })
		).toEqual([]);
	});

	it('says in one line that the port is taken', () => {
		const line = listenProblem({ code: 'EADDRINUSE', port: 5120 });
		expect(line).toMatch(/^Port 5120 ist schon belegt \(PORT\)/);
		expect(line).not.toContain('\n');
	});
});

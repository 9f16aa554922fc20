import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { findInvite, redeemInvite } from '../auth/invites';
import type { SessionUser } from '../auth/session';
import { createUser, type UserSummary } from '../auth/users';
import { useFreshDatabase } from '$test/unit/test-database';
import { enrolments, invites, mailOutbox } from '../db/schema';
import { createCohort, listCohortLearners } from './cohorts';
import { acceptCohortInvite } from './join';
import {
	buildImportPreview,
	confirmImport,
	decodeCsvFile,
	parseLearnerCsv,
	previewImport
} from './csv-import';
import { enrol } from './enrolment';

const COURSE = 'probe-ikbo';

const asSession = (user: UserSummary): SessionUser => ({
	id: user.id,
	email: user.email,
	name: user.name,
	role: user.role
});

describe('parseLearnerCsv', () => {
	it('reads semicolon files with a BOM and German headers', () => {
		const parsed = parseLearnerCsv(
			'\uFEFFName;E-Mail\r\nAylin Demir;aylin@example.org\r\n\r\n"Weber; Katrin";kw@example.org\r\n'
		);
		expect(parsed).toEqual({
			ok: true,
			rows: [
				{ line: 2, name: 'Aylin Demir', email: 'aylin@example.org' },
				{ line: 4, name: 'Weber; Katrin', email: 'kw@example.org' }
			]
		});
	});

	it('reads comma files with the columns in any order', () => {
		const parsed = parseLearnerCsv('email,name\nx@example.org,"Demir, Aylin"\n');
		expect(parsed.ok && parsed.rows).toEqual([
			{ line: 2, name: 'Demir, Aylin', email: 'x@example.org' }
		]);
	});

	it('explains files it cannot use', () => {
		expect(parseLearnerCsv('')).toMatchObject({ ok: false, error: 'Die Datei ist leer.' });
		expect(parseLearnerCsv('vorname;mail\nA;a@example.org')).toMatchObject({
			ok: false,
			error: expect.stringContaining('eine Spalte für den Namen („Name“')
		});
		expect(parseLearnerCsv('name;email\n')).toMatchObject({ ok: false });
		expect(parseLearnerCsv('name;email\n"A;a@example.org\n')).toMatchObject({
			ok: false,
			error: expect.stringContaining('nicht gelesen')
		});
	});
});

describe('files as German Excel writes them', () => {
	it('reads a stray quote inside an unquoted field literally; the row’s own checks apply', () => {
		const parsed = parseLearnerCsv(
			'Name;E-Mail\r\nAnna "Anni" Schmidt;anna@example.org\r\nBen Roth;ben"@example.org\r\n'
		);
		expect(parsed).toEqual({
			ok: true,
			rows: [
				{ line: 2, name: 'Anna "Anni" Schmidt', email: 'anna@example.org' },
				{ line: 3, name: 'Ben Roth', email: 'ben"@example.org' }
			]
		});
		if (!parsed.ok) return;
		const [anna, ben] = buildImportPreview(parsed.rows, new Set());
		expect(anna).toMatchObject({ action: 'invite', errors: [] });
		expect(ben).toMatchObject({ action: null, errors: ['Die E-Mail-Adresse ist ungültig.'] });
	});

	it('skips a „sep=“ first line and splits by the separator it names, counting lines as in the file', () => {
		const semicolon = parseLearnerCsv('sep=;\r\nName;E-Mail\r\nDemir, Aylin;aylin@example.org\r\n');
		expect(semicolon).toEqual({
			ok: true,
			rows: [{ line: 3, name: 'Demir, Aylin', email: 'aylin@example.org' }]
		});
		const comma = parseLearnerCsv('\uFEFFsep=,\nemail,name\nx@example.org,Weber; Katrin\n');
		expect(comma).toEqual({
			ok: true,
			rows: [{ line: 3, name: 'Weber; Katrin', email: 'x@example.org' }]
		});
	});

	it('decodes Windows-1252 files (Excel’s „CSV (Trennzeichen-getrennt)“), UTF-8 ones as UTF-8', () => {
		// "Name;E-Mail\r\nJürgen Müller;jm@example.org\r\nJosé Weiß;jw@example.org\r\n" in
		// Windows-1252: ü = FC, é = E9, ß = DF.
		const ansi = Uint8Array.from([
			...Buffer.from('Name;E-Mail\r\nJ'),
			0xfc,
			...Buffer.from('rgen M'),
			0xfc,
			...Buffer.from('ller;jm@example.org\r\nJos'),
			0xe9,
			...Buffer.from(' Wei'),
			0xdf,
			...Buffer.from(';jw@example.org\r\n')
		]);
		const text = decodeCsvFile(ansi);
		expect(parseLearnerCsv(text)).toEqual({
			ok: true,
			rows: [
				{ line: 2, name: 'Jürgen Müller', email: 'jm@example.org' },
				{ line: 3, name: 'José Weiß', email: 'jw@example.org' }
			]
		});
		// Windows-1252 has „“ and € where Latin-1 has control characters.
		expect(decodeCsvFile(Uint8Array.from([0x84, 0x41, 0x93, 0x20, 0x80]))).toBe('„A“ €');
		const utf8 = Buffer.from('\uFEFFName;E-Mail\nJürgen Müller;jm@example.org\n', 'utf8');
		// The decoder drops the BOM; parseLearnerCsv drops one as well, in text posted back.
		expect(decodeCsvFile(utf8)).toBe('Name;E-Mail\nJürgen Müller;jm@example.org\n');
		expect(parseLearnerCsv(decodeCsvFile(utf8))).toMatchObject({
			ok: true,
			rows: [{ name: 'Jürgen Müller' }]
		});
	});
});

describe('buildImportPreview', () => {
	it('reports every problem per row and invites every valid address', () => {
		const rows = [
			{ line: 2, name: 'Neu', email: 'Neu@Example.org' },
			{ line: 3, name: 'Bekannt', email: 'bekannt@example.org' },
			{ line: 4, name: '', email: 'kaputt' },
			{ line: 5, name: 'Doppelt', email: 'neu@example.org' },
			{ line: 6, name: 'Schon da', email: 'drin@example.org' },
			{ line: 7, name: 'Eingeladen', email: 'eingeladen@example.org' },
			{ line: 8, name: 'Ohne Mail', email: '' }
		];
		const preview = buildImportPreview(
			rows,
			new Set(['drin@example.org']),
			new Set(['eingeladen@example.org'])
		);
		expect(preview.map((row) => row.action)).toEqual([
			'invite',
			'invite',
			null,
			null,
			null,
			null,
			null
		]);
		expect(preview[0]!.email).toBe('neu@example.org');
		expect(preview[2]!.errors).toEqual(['Der Name fehlt.', 'Die E-Mail-Adresse ist ungültig.']);
		expect(preview[3]!.errors).toEqual(['Diese E-Mail-Adresse steht schon in Zeile 2.']);
		expect(preview[4]!.errors).toEqual(['Ist schon in diesem Lehrgang.']);
		expect(preview[5]!.errors).toEqual(['Hat schon eine gültige Einladung zu diesem Lehrgang.']);
		expect(preview[6]!.errors).toEqual(['Die E-Mail-Adresse fehlt.']);
	});
});

describe('importing into a cohort', () => {
	let db: ReturnType<typeof useFreshDatabase>;
	let trainerId: string;
	let cohortId: string;

	beforeEach(async () => {
		db = useFreshDatabase();
		const trainer = await createUser({
			email: 't@example.org',
			name: 'T',
			password: 'Fahrrad Kanal Brücke',
			role: 'trainer'
		});
		trainerId = trainer.id;
		cohortId = createCohort(
			COURSE,
			{ name: 'L', trainerIds: [trainerId], followUpDate: null, modules: [] },
			trainerId
		);
	});

	it('changes nothing while previewing, then invites every address, whether it has an account or not', async () => {
		const known = await createUser({
			email: 'bekannt@example.org',
			name: 'Bekannt',
			password: 'Fahrrad Kanal Brücke',
			role: 'learner'
		});
		const csv = 'name;email\nBekannt;bekannt@example.org\nNeu;neu@example.org\n;kaputt\n';
		const preview = previewImport(cohortId, csv);
		expect(preview.ok && preview.rows.map((row) => row.action)).toEqual(['invite', 'invite', null]);
		expect(listCohortLearners(cohortId)).toHaveLength(0);
		expect(db.select().from(invites).all()).toHaveLength(0);

		const result = confirmImport(cohortId, csv, trainerId);
		if ('error' in result) throw new Error(result.error);
		expect(result.invited.map((row) => row.email)).toEqual([
			'bekannt@example.org',
			'neu@example.org'
		]);
		expect(result.skipped).toBe(1);
		// Nobody joins by being named in a file.
		expect(listCohortLearners(cohortId)).toHaveLength(0);

		const invite = findInvite(result.invited[1]!.token);
		// The mails say "accept" to the address with an account, "create an account" to the other.
		const mailTo = (address: string) =>
			db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address)).get()!.textBody;
		expect(mailTo('bekannt@example.org')).toContain('Sie haben schon ein Konto');
		expect(mailTo('neu@example.org')).toContain('Konto anlegen');
		// The name from the file is offered when the person registers.
		expect(invite).toMatchObject({
			email: 'neu@example.org',
			name: 'Neu',
			cohortId,
			maxUses: 1,
			role: 'learner'
		});
		const registered = await redeemInvite(result.invited[1]!.token, {
			email: 'neu@example.org',
			name: 'Neu',
			password: 'Fahrrad Kanal Brücke'
		});
		expect(registered.ok).toBe(true);
		const accepted = acceptCohortInvite(result.invited[0]!.token, asSession(known), null);
		expect(accepted.ok).toBe(true);
		expect(listCohortLearners(cohortId).map((learner) => learner.name)).toEqual(['Bekannt', 'Neu']);
	});

	it('tells a trainer nothing about accounts: a learner of another cohort, a trainer and a stranger look alike', async () => {
		const otherTrainer = await createUser({
			email: 'b@example.org',
			name: 'B',
			password: 'Fahrrad Kanal Brücke',
			role: 'trainer'
		});
		const otherCohort = createCohort(
			COURSE,
			{ name: 'Fremder Lehrgang', trainerIds: [otherTrainer.id], followUpDate: null, modules: [] },
			otherTrainer.id
		);
		const learner = await createUser({
			email: 'aylin@example.org',
			name: 'Aylin',
			password: 'Fahrrad Kanal Brücke',
			role: 'learner'
		});
		enrol(learner.id, COURSE, otherCohort);
		const csv =
			'name;email\nAylin;aylin@example.org\nB;b@example.org\nNiemand;niemand@example.org\n';
		const preview = previewImport(cohortId, csv);
		if (!preview.ok) throw new Error(preview.error);
		const shapes = preview.rows.map(({ line: _line, name: _name, email: _email, ...rest }) => rest);
		expect(shapes).toEqual([
			{ action: 'invite', errors: [] },
			{ action: 'invite', errors: [] },
			{ action: 'invite', errors: [] }
		]);
		expect(JSON.stringify(preview)).not.toContain('Fremder Lehrgang');
		confirmImport(cohortId, csv, trainerId);
		// The learner stays where they are until they accept.
		const rows = db.select().from(enrolments).where(eq(enrolments.userId, learner.id)).all();
		expect(rows.map((row) => row.cohortId)).toEqual([otherCohort]);
	});

	it('gives nobody a second invite when a confirmation is sent twice', () => {
		const csv = 'name;email\nNeu;neu@example.org\n';
		const first = confirmImport(cohortId, csv, trainerId);
		expect('invited' in first && first.invited).toHaveLength(1);
		const again = previewImport(cohortId, csv);
		expect(again.ok && again.rows[0]!.errors).toEqual([
			'Hat schon eine gültige Einladung zu diesem Lehrgang.'
		]);
		const second = confirmImport(cohortId, csv, trainerId);
		expect('skipped' in second && second.skipped).toBe(1);
		expect(db.select().from(invites).all()).toHaveLength(1);
	});

	it('creates no invites for an unreadable file', () => {
		const result = confirmImport(cohortId, 'foo;bar\n1;2', trainerId);
		expect(result).toMatchObject({ error: expect.any(String) });
		expect(db.select().from(invites).all()).toHaveLength(0);
	});
});

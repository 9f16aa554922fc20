import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { findInvite, redeemInvite } from '../auth/invites';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '../db/test-database';
import { enrolments, invites } from '../db/schema';
import { createCohort, listCohortLearners } from './cohorts';
import { buildImportPreview, confirmImport, parseLearnerCsv, previewImport } from './csv-import';
import { enrol } from './enrolment';

const COURSE = 'interkulturelle-oeffnung';

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
			error: expect.stringContaining('„name“ und „email“')
		});
		expect(parseLearnerCsv('name;email\n')).toMatchObject({ ok: false });
		expect(parseLearnerCsv('name;email\n"A;a@example.org\n')).toMatchObject({
			ok: false,
			error: expect.stringContaining('nicht gelesen')
		});
	});
});

describe('buildImportPreview', () => {
	it('reports every problem per row and decides between enrolling and inviting', () => {
		const rows = [
			{ line: 2, name: 'Neu', email: 'Neu@Example.org' },
			{ line: 3, name: 'Bekannt', email: 'bekannt@example.org' },
			{ line: 4, name: '', email: 'kaputt' },
			{ line: 5, name: 'Doppelt', email: 'neu@example.org' },
			{ line: 6, name: 'Schon da', email: 'drin@example.org' },
			{ line: 7, name: 'Trainerin', email: 'trainerin@example.org' },
			{ line: 8, name: 'Ohne Mail', email: '' }
		];
		const accounts = new Map([
			['bekannt@example.org', { role: 'learner' as const, inCohort: false }],
			['drin@example.org', { role: 'learner' as const, inCohort: true }],
			['trainerin@example.org', { role: 'trainer' as const, inCohort: false }]
		]);
		const preview = buildImportPreview(rows, accounts);
		expect(preview.map((row) => row.action)).toEqual([
			'invite',
			'enrol',
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
		expect(preview[5]!.errors[0]).toContain('Trainer*in');
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

	it('changes nothing while previewing, then enrols known learners and invites the others', async () => {
		const known = await createUser({
			email: 'bekannt@example.org',
			name: 'Bekannt',
			password: 'Fahrrad Kanal Brücke',
			role: 'learner'
		});
		const csv = 'name;email\nBekannt;bekannt@example.org\nNeu;neu@example.org\n;kaputt\n';
		const preview = previewImport(cohortId, csv);
		expect(preview.ok && preview.rows.map((row) => row.action)).toEqual(['enrol', 'invite', null]);
		expect(listCohortLearners(cohortId)).toHaveLength(0);
		expect(db.select().from(invites).all()).toHaveLength(0);

		const result = confirmImport(cohortId, csv, trainerId);
		if ('error' in result) throw new Error(result.error);
		expect(result.enrolled).toEqual([{ name: 'Bekannt', email: 'bekannt@example.org' }]);
		expect(result.invited.map((row) => row.email)).toEqual(['neu@example.org']);
		expect(result.skipped).toBe(1);
		expect(listCohortLearners(cohortId).map((learner) => learner.id)).toEqual([known.id]);

		const invite = findInvite(result.invited[0]!.token);
		expect(invite).toMatchObject({
			email: 'neu@example.org',
			cohortId,
			maxUses: 1,
			role: 'learner'
		});
		const registered = await redeemInvite(result.invited[0]!.token, {
			email: 'neu@example.org',
			name: 'Neu',
			password: 'Fahrrad Kanal Brücke'
		});
		expect(registered.ok).toBe(true);
		expect(listCohortLearners(cohortId).map((learner) => learner.name)).toEqual(['Bekannt', 'Neu']);
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

	it('moves a learner from another cohort, says so in the preview, and skips them once in', async () => {
		const learner = await createUser({
			email: 'selbst@example.org',
			name: 'Selbst',
			password: 'Fahrrad Kanal Brücke',
			role: 'learner'
		});
		enrol(learner.id, COURSE);
		const csv = 'name,email\nSelbst,selbst@example.org\n';
		const other = createCohort(
			COURSE,
			{ name: 'Anderer Lehrgang', trainerIds: [trainerId], followUpDate: null, modules: [] },
			trainerId
		);
		enrol(learner.id, COURSE, other);
		const preview = previewImport(cohortId, csv);
		expect(preview.ok && preview.rows[0]!.note).toBe(
			'Wechselt aus dem Lehrgang „Anderer Lehrgang“ in diesen Lehrgang.'
		);
		const first = confirmImport(cohortId, csv, trainerId);
		expect('enrolled' in first && first.enrolled).toHaveLength(1);
		const second = confirmImport(cohortId, csv, trainerId);
		expect('skipped' in second && second.skipped).toBe(1);
		const rows = db.select().from(enrolments).where(eq(enrolments.userId, learner.id)).all();
		expect(rows.map((row) => row.cohortId)).toEqual([cohortId]);
	});

	it('creates no invites for an unreadable file', () => {
		const result = confirmImport(cohortId, 'foo;bar\n1;2', trainerId);
		expect(result).toMatchObject({ error: expect.any(String) });
		expect(db.select().from(invites).all()).toHaveLength(0);
	});
});

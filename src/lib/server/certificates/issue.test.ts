import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificates, cohortModules, users } from '../db/schema';
import { getCourse } from '../content';
import { addDays } from '../cohorts/dates';
import { recordCompletion } from '../progress';
import { certificateWaitsFor, checkEligibility, deriveEligibility } from './eligibility';
import {
	insertCertificate,
	issueCertificate,
	issueDueCertificates,
	maybeIssueCertificate,
	registerCertificateIssuing
} from './issue';
import { listCertificatesOf } from './queries';
import { defaultIssuer, saveIssuerSettings } from './settings';
import { verifySnapshot } from './signing';
import {
	completeCourse,
	COURSE_ID,
	enrol,
	makeCohort,
	makeUser,
	useCertificateDb
} from '$test/unit/certificates';
import { berlinDay } from '$lib/berlin-day';

const db = useCertificateDb();

let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
	admin = await makeUser('Jonas Admin', 'admin');
	saveIssuerSettings({ ...defaultIssuer, name: 'Träger e. V.' });
	registerCertificateIssuing();
});

const rowsOf = (userId: string) =>
	db.select().from(certificates).where(eq(certificates.userId, userId)).all();

describe('eligibility', () => {
	const course = getCourse(COURSE_ID)!;
	it('needs a certificate block and a complete course', () => {
		expect(deriveEligibility(undefined, undefined)).toEqual({
			eligible: false,
			reason: 'unknown_course'
		});
		expect(deriveEligibility({ ...course, certificate: null }, { isComplete: true })).toEqual({
			eligible: false,
			reason: 'no_certificate'
		});
		expect(deriveEligibility(course, { isComplete: false })).toEqual({
			eligible: false,
			reason: 'incomplete'
		});
		expect(deriveEligibility(course, { isComplete: true })).toEqual({ eligible: true, course });
	});

	it('waits for a cohort’s last module day, even when everything online is done', () => {
		const complete = { isComplete: true };
		expect(
			deriveEligibility(course, complete, { lastDay: '2027-03-02', today: '2026-12-02' })
		).toEqual({ eligible: false, reason: 'before_last_day', lastDay: '2027-03-02' });
		expect(
			deriveEligibility(course, complete, { lastDay: '2027-03-02', today: '2027-03-02' })
		).toEqual({ eligible: true, course });
		expect(deriveEligibility(course, complete, { lastDay: null, today: '2026-12-02' })).toEqual({
			eligible: true,
			course
		});
	});

	it('issues a cohort learner’s certificate once the last module day has come', async () => {
		const learner = await makeUser('Fiete Fleißig');
		const cohortId = makeCohort(admin.id, admin.id, 'Lehrgang im Frühjahr');
		// Relative to today: the completion below fires the real-time listener.
		const lastDay = addDays(berlinDay(), 90);
		const dayBefore = addDays(lastDay, -1);
		db.update(cohortModules)
			.set({ startsOn: dayBefore, endsOn: lastDay })
			.where(eq(cohortModules.cohortId, cohortId))
			.run();
		enrol(learner.id, COURSE_ID, cohortId);
		// Everything online done months early: the completion event issues nothing yet.
		completeCourse(learner.id);
		await new Promise((done) => setTimeout(done, 0));
		expect(rowsOf(learner.id)).toHaveLength(0);
		// The course page tells the learner when it follows.
		expect(certificateWaitsFor(learner.id, COURSE_ID)).toBe(lastDay);
		expect(certificateWaitsFor(learner.id, COURSE_ID, new Date(`${lastDay}T08:00:00Z`))).toBeNull();
		expect(await issueDueCertificates(new Date(`${dayBefore}T18:00:00Z`))).toBe(0);
		expect(await issueDueCertificates(new Date(`${lastDay}T08:00:00Z`))).toBe(1);
		expect(rowsOf(learner.id)).toHaveLength(1);
		expect(await issueDueCertificates(new Date(`${lastDay}T09:00:00Z`))).toBe(0);
	});

	it('follows the learner’s progress', async () => {
		const learner = await makeUser('Eli Gibel');
		enrol(learner.id, COURSE_ID);
		expect(checkEligibility(learner.id, COURSE_ID)).toMatchObject({ reason: 'incomplete' });
		expect(checkEligibility(learner.id, 'gibt-es-nicht')).toMatchObject({
			reason: 'unknown_course'
		});
	});
});

describe('issuing', () => {
	it('issues automatically when the last item is completed, with a signed snapshot', async () => {
		saveIssuerSettings({
			name: 'Träger e. V.',
			address: 'Musterstraße 1\n10115 Berlin',
			place: 'Berlin',
			signatoryName: 'Dr. Maria Muster',
			signatoryRole: 'Projektleitung'
		});
		const learner = await makeUser('Şebnem Łukasz-Жукова');
		const cohortId = makeCohort(admin.id);
		enrol(learner.id, COURSE_ID, cohortId);
		const items = getCourse(COURSE_ID)!.modules.flatMap((module) => module.items);
		for (const item of items.slice(0, -1)) recordCompletion(learner.id, item.id, 'lesson_marked');
		expect(rowsOf(learner.id)).toHaveLength(0);
		recordCompletion(learner.id, items.at(-1)!.id, 'quiz_passed');

		const [row] = rowsOf(learner.id);
		expect(row).toMatchObject({ status: 'valid', cohortId, issuedBy: null });
		expect(row!.number).toMatch(/^\d{4}-\d{6}$/);
		const snapshot = row!.snapshot;
		expect(snapshot).toMatchObject({
			learnerName: 'Şebnem Łukasz-Жукова',
			courseTitle: getCourse(COURSE_ID)!.title,
			kind: 'teilnahmebestaetigung',
			totalHours: getCourse(COURSE_ID)!.certificate!.hours,
			cohort: { name: 'Lehrgang Frühjahr 2026' },
			period: { from: '2026-03-02', to: '2026-05-12' },
			issuer: { name: 'Träger e. V.', place: 'Berlin' },
			number: row!.number,
			code: row!.code
		});
		expect(snapshot.modules).toHaveLength(getCourse(COURSE_ID)!.modules.length);
		expect(verifySnapshot(row!.snapshot, row!.signature)).toBe(true);
	});

	it('never creates two valid certificates for concurrent completions', async () => {
		const learner = await makeUser('Paula Parallel');
		enrol(learner.id, COURSE_ID);
		const results = await Promise.all(
			Array.from({ length: 10 }, () =>
				Promise.resolve().then(() => issueCertificate(learner.id, COURSE_ID))
			)
		);
		expect(rowsOf(learner.id)).toHaveLength(1);
		expect(new Set(results.map((result) => result.certificate.id)).size).toBe(1);
		expect(results.filter((result) => result.created)).toHaveLength(1);
	});

	it('lets the database decide when two inserts race past the check', async () => {
		const learner = await makeUser('Rita Rennen');
		enrol(learner.id, COURSE_ID);
		const course = getCourse(COURSE_ID)!;
		// insertCertificate skips the "already there?" check, like a second server process would.
		const first = insertCertificate(learner.id, course);
		const second = insertCertificate(learner.id, course);
		expect(second).toEqual({ certificate: first.certificate, created: false });
		expect(rowsOf(learner.id)).toHaveLength(1);
	});

	it('does not issue automatically for an incomplete course or twice on repeated events', async () => {
		const learner = await makeUser('Ina Komplett');
		enrol(learner.id, COURSE_ID);
		await maybeIssueCertificate(learner.id, COURSE_ID);
		expect(rowsOf(learner.id)).toHaveLength(0);
		completeCourse(learner.id);
		await maybeIssueCertificate(learner.id, COURSE_ID);
		await maybeIssueCertificate(learner.id, COURSE_ID);
		expect(rowsOf(learner.id)).toHaveLength(1);
	});

	it('numbers certificates one after another within a year', async () => {
		const a = await makeUser('Anna Eins');
		const b = await makeUser('Berta Zwei');
		const now = new Date('2031-06-01T10:00:00Z');
		const first = issueCertificate(a.id, COURSE_ID, { now }).certificate;
		const second = issueCertificate(b.id, COURSE_ID, { now }).certificate;
		expect(first.number).toBe('2031-000001');
		expect(second.number).toBe('2031-000002');
		const next = issueCertificate(a.id, 'probe-ikbo', {
			now: new Date('2032-01-01T00:30:00+01:00')
		}).certificate;
		expect(next.number).toBe('2032-000001');
	});

	it('keeps the snapshot when the learner is renamed later', async () => {
		const learner = await makeUser('Alter Name');
		const { certificate } = issueCertificate(learner.id, COURSE_ID);
		db.update(users).set({ name: 'Neuer Name' }).where(eq(users.id, learner.id)).run();
		const [stored] = listCertificatesOf(learner.id, COURSE_ID);
		expect(stored!.snapshot.learnerName).toBe('Alter Name');
		expect(stored!.id).toBe(certificate.id);
	});
});

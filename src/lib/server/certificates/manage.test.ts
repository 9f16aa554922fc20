import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { getCourse } from '../content';
import { getDb } from '../db';
import { cohortModules, settings } from '../db/schema';
import { defaultIssuer, saveIssuerSettings } from './settings';

const issuer = { ...defaultIssuer, name: 'Träger e. V.' };
import { issueCertificate } from './issue';
import {
	getCertificateFor,
	issueManually,
	listLearnersForCertificates,
	reissueCertificate,
	revokeCertificate
} from './manage';
import { getCertificate, listCertificatesOf } from './queries';
import { verifySnapshot } from './signing';
import { verifyCode } from './verify';
import {
	completeCourse,
	COURSE_ID,
	enrol,
	makeCohort,
	makeUser,
	useCertificateDb
} from '$test/unit/certificates';

useCertificateDb();

const asSession = (user: { id: string; name: string; email: string; role: SessionUser['role'] }) =>
	({ id: user.id, name: user.name, email: user.email, role: user.role }) satisfies SessionUser;

let admin: SessionUser;
let trainer: SessionUser;
let otherTrainer: SessionUser;
let learner: SessionUser;
let otherLearner: SessionUser;
let cohortId: string;

beforeAll(async () => {
	admin = asSession(await makeUser('Jonas Admin', 'admin'));
	trainer = asSession(await makeUser('Katrin Weber', 'trainer'));
	otherTrainer = asSession(await makeUser('Otto Fremd', 'trainer'));
	learner = asSession(await makeUser('Aylin Demir'));
	otherLearner = asSession(await makeUser('Nora Neugier'));
	cohortId = makeCohort(admin.id, trainer.id);
	makeCohort(admin.id, otherTrainer.id, 'Anderer Lehrgang');
	enrol(learner.id, COURSE_ID, cohortId);
	saveIssuerSettings(issuer);
});

describe('manual issue', () => {
	it('is refused while no issuer is entered: a certificate never names the product', () => {
		getDb().delete(settings).run();
		expect(issueManually(trainer, learner.id, COURSE_ID, true)).toEqual({
			ok: false,
			reason: 'issuer_missing'
		});
		saveIssuerSettings(issuer);
	});

	it('is refused before the cohort’s last module day, however complete the course', async () => {
		const early = asSession(await makeUser('Frida Früh'));
		const planner = asSession(await makeUser('Tara Termin', 'trainer'));
		const datedCohort = makeCohort(admin.id, planner.id, 'Lehrgang mit Terminen');
		enrol(early.id, COURSE_ID, datedCohort);
		const [firstModule] = getCourse(COURSE_ID)!.modules;
		getDb()
			.update(cohortModules)
			.set({ startsOn: '2027-03-01', endsOn: '2027-03-02' })
			.where(
				and(eq(cohortModules.cohortId, datedCohort), eq(cohortModules.moduleId, firstModule!.id))
			)
			.run();
		completeCourse(early.id);
		const now = new Date('2026-12-02T10:00:00Z');
		expect(issueManually(planner, early.id, COURSE_ID, true, now)).toEqual({
			ok: false,
			reason: 'before_last_day',
			lastDay: '2027-03-02'
		});
		const onTheDay = issueManually(
			planner,
			early.id,
			COURSE_ID,
			true,
			new Date('2027-03-02T16:00:00Z')
		);
		expect(onTheDay).toMatchObject({ ok: true, created: true });
	});

	it('asks for confirmation while the course is incomplete, then issues', () => {
		expect(issueManually(trainer, learner.id, COURSE_ID)).toEqual({
			ok: false,
			reason: 'incomplete'
		});
		const result = issueManually(trainer, learner.id, COURSE_ID, true);
		expect(result).toMatchObject({ ok: true, created: true });
		if (result.ok) expect(result.certificate.issuedBy).toBe(trainer.id);
		expect(issueManually(trainer, learner.id, COURSE_ID)).toMatchObject({
			ok: true,
			created: false
		});
	});

	it('is refused to trainers of other cohorts and for learners outside the course', async () => {
		expect(issueManually(otherTrainer, learner.id, COURSE_ID, true)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(issueManually(learner, learner.id, COURSE_ID, true)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		const outsider = await makeUser('Ohne Kurs');
		expect(issueManually(admin, outsider.id, COURSE_ID, true)).toEqual({
			ok: false,
			reason: 'not_enrolled'
		});
		expect(issueManually(admin, learner.id, 'kurs-gibt-es-nicht')).toEqual({
			ok: false,
			reason: 'no_certificate'
		});
	});
});

describe('access to a certificate', () => {
	it('is for the owner, the cohort’s trainers and admins only', () => {
		const { certificate } = issueCertificate(learner.id, COURSE_ID);
		expect(getCertificateFor(learner, certificate.id)?.id).toBe(certificate.id);
		expect(getCertificateFor(trainer, certificate.id)?.id).toBe(certificate.id);
		expect(getCertificateFor(admin, certificate.id)?.id).toBe(certificate.id);
		expect(getCertificateFor(otherLearner, certificate.id)).toBeUndefined();
		expect(getCertificateFor(otherTrainer, certificate.id)).toBeUndefined();
	});

	it('lists a trainer only the learners of their cohorts', () => {
		const own = listLearnersForCertificates(trainer);
		expect(own.rows.map((row) => row.name)).toEqual(['Aylin Demir']);
		expect(own.rows[0]!.certificate?.status).toBe('valid');
		expect(listLearnersForCertificates(otherTrainer).rows).toEqual([]);
		expect(listLearnersForCertificates(learner).rows).toEqual([]);
	});

	it('finds learners by part of their name, e-mail address or certificate number', () => {
		const { certificate } = issueCertificate(learner.id, COURSE_ID);
		const names = (query: string) =>
			listLearnersForCertificates(admin, { query }).rows.map((row) => row.name);
		expect(names('demir')).toEqual(['Aylin Demir']);
		expect(names(certificate.number.slice(-5))).toEqual(['Aylin Demir']);
		expect(names('%')).toEqual([]);
		expect(listLearnersForCertificates(admin, { query: 'demir' }).total).toBe(1);
		// The search stays inside a trainer's own cohorts.
		expect(listLearnersForCertificates(otherTrainer, { query: 'demir' }).rows).toEqual([]);
	});
});

describe('revoke and reissue', () => {
	it('revokes with a reason; the public check shows the date but not the reason', () => {
		const { certificate } = issueCertificate(learner.id, COURSE_ID);
		expect(revokeCertificate(otherTrainer, certificate.id, 'Fehler')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const revokedAt = new Date('2026-06-01T10:00:00Z');
		const result = revokeCertificate(
			trainer,
			certificate.id,
			'Versehentlich ausgestellt',
			revokedAt
		);
		expect(result).toMatchObject({ ok: true });
		expect(getCertificate(certificate.id)).toMatchObject({
			status: 'revoked',
			revokedAt,
			revokedReason: 'Versehentlich ausgestellt'
		});
		const publicView = verifyCode(certificate.code);
		expect(publicView).toMatchObject({ found: true, status: 'revoked', revokedAt });
		expect(JSON.stringify(publicView)).not.toContain('Versehentlich');
		expect(revokeCertificate(trainer, certificate.id, 'nochmal')).toEqual({
			ok: false,
			reason: 'not_valid'
		});
	});

	it('reissues: a new valid certificate, the old one superseded and pointing to it', async () => {
		const person = asSession(await makeUser('Mira Alt'));
		enrol(person.id, COURSE_ID, cohortId);
		completeCourse(person.id);
		const old = issueCertificate(person.id, COURSE_ID).certificate;
		const result = reissueCertificate(trainer, old.id);
		if (!result.ok) throw new Error(result.reason);
		const fresh = result.certificate;
		expect(fresh.id).not.toBe(old.id);
		expect(fresh.status).toBe('valid');
		expect(fresh.number).not.toBe(old.number);
		expect(fresh.code).not.toBe(old.code);
		expect(verifySnapshot(fresh.snapshot, fresh.signature)).toBe(true);
		expect(getCertificate(old.id)).toMatchObject({ status: 'superseded', supersededBy: fresh.id });
		expect(verifyCode(old.code)).toMatchObject({ found: true, status: 'superseded' });
		expect(listCertificatesOf(person.id, COURSE_ID)).toHaveLength(2);
		expect(reissueCertificate(trainer, old.id)).toEqual({ ok: false, reason: 'not_valid' });
		expect(reissueCertificate(otherTrainer, fresh.id)).toEqual({ ok: false, reason: 'not_found' });
	});
});

describe('public verification', () => {
	it('accepts codes as typed and knows nothing of unknown ones', () => {
		const { certificate } = issueCertificate(otherLearner.id, COURSE_ID);
		const typed = certificate.code.toLowerCase().replaceAll('-', ' ');
		expect(verifyCode(typed)).toMatchObject({
			found: true,
			status: 'valid',
			signatureValid: true,
			code: certificate.code
		});
		expect(verifyCode('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toEqual({
			found: false,
			code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ'
		});
		expect(verifyCode('nonsense')).toEqual({ found: false, code: null });
	});
});

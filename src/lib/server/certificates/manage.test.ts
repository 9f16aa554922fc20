import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { useFreshDatabase } from '../db/test-database';
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
	useTemporaryKeyDir
} from './test-helpers';

useFreshDatabase();
useTemporaryKeyDir();

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
});

describe('manual issue', () => {
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
		expect(issueManually(admin, learner.id, 'sprachmittlung-im-amt-gibt-es-nicht')).toEqual({
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

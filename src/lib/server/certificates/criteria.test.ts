import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertificateMeta } from '$lib/content/types';
import { recordAttendance } from '../cohorts/attendance';
import { getCourse } from '../content';
import { recordCompletion } from '../progress';
import { awardedKind } from './criteria';
import { issueCertificate } from './issue';
import { renderCertificatePdf } from './pdf';
import { criteriaLine, hoursSplitLine } from './pdf-curriculum';
import { verifySnapshot } from './signing';
import { COURSE_ID, enrol, makeCohort, makeUser, useCertificateDb } from '$test/unit/certificates';

useCertificateDb();

const zertifikat: CertificateMeta = {
	kind: 'zertifikat',
	title: 'Z',
	hours: 80,
	hoursSplit: null,
	criteria: { minAttendancePercent: 80, requiredAssignmentsAccepted: true }
};

describe('Zertifikat or Teilnahmebestätigung (pure)', () => {
	it('awards the Zertifikat only when every criterion is met', () => {
		const met = { attendancePercent: 80, requiredAssignmentsAccepted: true };
		expect(awardedKind(zertifikat, met)).toBe('zertifikat');
		expect(awardedKind(zertifikat, { ...met, attendancePercent: 79.9 })).toBe(
			'teilnahmebestaetigung'
		);
		expect(awardedKind(zertifikat, { ...met, attendancePercent: null })).toBe(
			'teilnahmebestaetigung'
		);
		expect(awardedKind(zertifikat, { ...met, requiredAssignmentsAccepted: false })).toBe(
			'teilnahmebestaetigung'
		);
	});

	it('checks only the criteria the course names, and leaves courses without criteria alone', () => {
		const attendanceOnly = {
			...zertifikat,
			criteria: { minAttendancePercent: 50, requiredAssignmentsAccepted: false }
		};
		expect(
			awardedKind(attendanceOnly, { attendancePercent: 60, requiredAssignmentsAccepted: false })
		).toBe('zertifikat');
		const none = { ...zertifikat, criteria: null };
		expect(awardedKind(none, { attendancePercent: null, requiredAssignmentsAccepted: false })).toBe(
			'zertifikat'
		);
	});
});

// The DIKÖ course ships with criteria (80 % attendance, required assignments accepted) and a split.
const DIKOE = 'probe-ikbo';
const dikoe = getCourse(DIKOE)!;
// Two in-person days per module: 2026-01-10/11, 2026-02-10/11, …
const days = dikoe.modules.flatMap((module) =>
	[0, 1].map((index) => ({ moduleId: module.id, day: `2026-0${module.order + 1}-1${index}` }))
);

async function learnerWith(present: number, acceptAssignments: boolean) {
	const admin = await makeUser('Admin', 'admin');
	const learner = await makeUser('Lernende');
	const other = await makeUser('Andere');
	const cohortId = makeCohort(admin.id, undefined, 'DIKÖ 2026', DIKOE);
	enrol(learner.id, DIKOE, cohortId);
	enrol(other.id, DIKOE, cohortId);
	days.forEach(({ moduleId, day }, index) =>
		recordAttendance({
			cohortId,
			moduleId,
			day,
			entries: [
				{ userId: learner.id, present: index < present },
				{ userId: other.id, present: true }
			],
			recordedBy: admin.id
		})
	);
	for (const item of dikoe.modules.flatMap((module) => module.items)) {
		if (item.type !== 'assignment' || acceptAssignments) {
			recordCompletion(
				learner.id,
				item.id,
				item.type === 'assignment' ? 'assignment_accepted' : 'lesson_marked'
			);
		}
	}
	return learner.id;
}

describe('issuing a certificate of a course with criteria', () => {
	it('freezes a Zertifikat with its split and criteria when 8 of 10 days were attended', async () => {
		expect(days).toHaveLength(10);
		const { certificate } = issueCertificate(await learnerWith(8, true), DIKOE);
		expect(certificate.snapshot).toMatchObject({
			kind: 'zertifikat',
			totalHours: 80,
			hoursSplit: { online: 10, inPerson: 60, practice: 10 },
			criteria: { minAttendancePercent: 80, requiredAssignmentsAccepted: true }
		});
		expect(verifySnapshot(certificate.snapshot, certificate.signature)).toBe(true);
		expect(hoursSplitLine(certificate.snapshot)).toBe(
			'Davon: 10 UE online, 60 UE in Präsenz, 10 UE Praxis'
		);
		const pdf = await renderCertificatePdf(certificate.snapshot, {
			verifyUrl: 'https://lernen.example.org/verify/x',
			signature: certificate.signature
		});
		const path = join(mkdtempSync(join(tmpdir(), 'criteria-pdf-')), 'z.pdf');
		writeFileSync(path, pdf);
		const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		expect(text).toContain('Davon: 10 UE online, 60 UE in Präsenz, 10 UE Praxis');
		expect(text).toContain(
			'Voraussetzungen des Zertifikats: Anwesenheit an mindestens 80 % der Präsenztage, alle verpflichtenden Praxisaufgaben angenommen – erfüllt.'
		);
	});

	it('issues a Teilnahmebestätigung (split, no criteria) below 80 % attendance', async () => {
		const { certificate } = issueCertificate(await learnerWith(7, true), DIKOE);
		expect(certificate.snapshot.kind).toBe('teilnahmebestaetigung');
		expect(certificate.snapshot.hoursSplit).toEqual({ online: 10, inPerson: 60, practice: 10 });
		expect(certificate.snapshot).not.toHaveProperty('criteria');
		expect(criteriaLine(certificate.snapshot)).toBeNull();
	});

	it('issues a Teilnahmebestätigung when a required assignment is not accepted', async () => {
		const { certificate } = issueCertificate(await learnerWith(10, false), DIKOE);
		expect(certificate.snapshot.kind).toBe('teilnahmebestaetigung');
	});

	it('carries only the rules a course declares', async () => {
		const admin = await makeUser('Admin', 'admin');
		const learner = await makeUser('Lernende');
		enrol(learner.id, COURSE_ID, makeCohort(admin.id));
		const { certificate } = issueCertificate(learner.id, COURSE_ID);
		const declared = getCourse(COURSE_ID)!.certificate!;
		expect(declared.criteria).toBeNull();
		expect(Object.keys(certificate.snapshot)).not.toContain('criteria');
		if (declared.hoursSplit) expect(certificate.snapshot.hoursSplit).toEqual(declared.hoursSplit);
		else expect(Object.keys(certificate.snapshot)).not.toContain('hoursSplit');
		expect(certificate.snapshot.kind).toBe(getCourse(COURSE_ID)!.certificate!.kind);
	});
});

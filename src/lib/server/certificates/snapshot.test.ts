import { describe, expect, it } from 'vitest';
import { getCourse } from '../content';
import { buildSnapshot, type SnapshotInput } from './snapshot';
import { defaultIssuer } from './settings';
import { COURSE_ID } from '$test/unit/certificates';

const course = getCourse(COURSE_ID)!;
const base: SnapshotInput = {
	learnerName: 'Şebnem Łukasz-Жукова',
	course,
	cohort: null,
	enrolledAt: new Date('2026-01-10T09:00:00Z'),
	completedAt: new Date('2026-02-20T23:30:00Z'),
	issuer: defaultIssuer,
	issuedAt: new Date('2026-02-20T23:31:00Z')
};
const ids = { number: '2026-000007', code: '7K3M-Q9PA-ZT4X-8HNB' };

describe('certificate snapshot', () => {
	it('freezes what is printed: name, course, kind, modules with UE and total', () => {
		const snapshot = buildSnapshot(base, ids);
		expect(snapshot).toMatchObject({
			version: 1,
			...ids,
			learnerName: 'Şebnem Łukasz-Жукова',
			courseId: COURSE_ID,
			courseTitle: course.title,
			kind: course.certificate!.kind,
			title: course.certificate!.title,
			totalHours: course.certificate!.hours,
			cohort: null
		});
		expect(snapshot.modules).toEqual(
			course.modules.map((module) => ({ title: module.title, hours: module.hours }))
		);
	});

	it('takes a self-paced period from enrolment to completion, in Berlin dates', () => {
		const snapshot = buildSnapshot(base, ids);
		expect(snapshot.period).toEqual({ from: '2026-01-10', to: '2026-02-21' });
		expect(snapshot.issuedOn).toBe('2026-02-21');
	});

	it('takes a cohort’s period from its module dates once they have passed', () => {
		const snapshot = buildSnapshot(
			{
				...base,
				cohort: { name: 'Lehrgang A', from: '2026-03-02', to: '2026-05-12' },
				issuedAt: new Date('2026-05-12T15:00:00Z')
			},
			ids
		);
		expect(snapshot.cohort).toEqual({ name: 'Lehrgang A' });
		expect(snapshot.period).toEqual({ from: '2026-03-02', to: '2026-05-12' });
	});

	it('never states cohort days that have not happened yet', () => {
		// Issued on 21 February for a cohort running from March to May (a trainer's early issue).
		const early = buildSnapshot(
			{ ...base, cohort: { name: 'Lehrgang A', from: '2026-03-02', to: '2026-05-12' } },
			ids
		);
		expect(early.period).toEqual({ from: '2026-01-10', to: '2026-02-21' });
		// Started, not ended: the real first day, the issue day as the last.
		const midway = buildSnapshot(
			{
				...base,
				cohort: { name: 'Lehrgang A', from: '2026-02-02', to: '2026-05-12' },
				completedAt: new Date('2026-03-30T10:00:00Z'),
				issuedAt: new Date('2026-04-01T10:00:00Z')
			},
			ids
		);
		expect(midway.period).toEqual({ from: '2026-02-02', to: '2026-03-30' });
	});

	it('refuses a course without a certificate block', () => {
		expect(() =>
			buildSnapshot({ ...base, course: { ...course, certificate: null } }, ids)
		).toThrow();
	});
});

import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { catalogueView, courseView } from '../course-pages';
import { getDb, schema } from '../db';
import { describeNotification } from '../notifications/describe';
import { issueCertificate } from './issue';
import {
	completeCourse,
	enrol,
	makeCohort,
	makeUser,
	useCertificateDb
} from '$test/unit/certificates';

// A course with criteria awards a Zertifikat or a Teilnahmebestätigung; whichever a learner was
// issued, the mail, the notification and the course pages call it by that one name.

useCertificateDb();
const DIKOE = 'probe-ikbo';

async function learnerIn(cohortId: string): Promise<SessionUser> {
	const learner = await makeUser('Lina Lernend');
	enrol(learner.id, DIKOE, cohortId);
	return { ...learner, role: 'learner' } as SessionUser;
}

describe('one name for the document a learner was issued', () => {
	it('a Teilnahmebestätigung is one in the mail, the notification and on the course card', async () => {
		const admin = await makeUser('Admin', 'admin');
		const cohortId = makeCohort(admin.id, undefined, 'DIKÖ 2026', DIKOE);
		const learner = await learnerIn(cohortId);
		const waiting = await learnerIn(cohortId);
		// No attendance recorded: the criteria are not met.
		completeCourse(learner.id, DIKOE);
		const { certificate } = issueCertificate(learner.id, DIKOE);
		expect(certificate.snapshot.kind).toBe('teilnahmebestaetigung');

		const notification = getDb()
			.select({ kind: schema.notifications.kind, data: schema.notifications.data })
			.from(schema.notifications)
			.where(eq(schema.notifications.userId, learner.id))
			.all()
			.find((row) => row.kind === 'certificate_issued')!;
		const line = describeNotification(notification, 'de');
		expect(line).toContain('Teilnahmebestätigung');
		expect(line).not.toContain('Zertifikat');
		const subjects = getDb()
			.select({ subject: schema.mailOutbox.subject })
			.from(schema.mailOutbox)
			.where(eq(schema.mailOutbox.userId, learner.id))
			.all()
			.map((row) => row.subject);
		expect(subjects.some((subject) => subject.includes('Teilnahmebestätigung'))).toBe(true);

		const card = (user: SessionUser) =>
			catalogueView(user).find((course) => course.id === DIKOE)?.certificateKind;
		expect(card(learner)).toBe('teilnahmebestaetigung');
		expect(courseView(learner, DIKOE)?.certificateKind).toBe('teilnahmebestaetigung');
		// Before anything is issued, the criteria decide: the card names both.
		expect(card(waiting)).toBe('either');
		expect(courseView(waiting, DIKOE)?.certificateKind).toBe('either');
	});
});

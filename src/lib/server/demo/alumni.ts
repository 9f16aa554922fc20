import { eq } from 'drizzle-orm';
import { saveProfile } from '../alumni';
import { issueCertificate } from '../certificates/issue';
import { getCourse } from '../content';
import { getDb } from '../db';
import { users } from '../db/schema';
import { alumniSpace, createThread } from '../discussions';

const sessionUser = (email: string) =>
	getDb()
		.select({ id: users.id, name: users.name, email: users.email, role: users.role })
		.from(users)
		.where(eq(users.email, email))
		.get();

/**
 * The demo graduate holds the course's certificate, so the start command shows its alumni
 * network: her visible profile in the directory and a thread in the alumni area.
 */
export function seedDemoAlumni(courseId: string, now = new Date()): void {
	const alumna = sessionUser('absolventin@example.org');
	const admin = sessionUser('admin@example.org');
	if (!alumna || !admin || !getCourse(courseId)?.certificate) return;
	issueCertificate(alumna.id, courseId, { issuedBy: admin.id, now });
	saveProfile(
		alumna.id,
		{
			visible: true,
			showName: true,
			organisation: 'Stadtteilzentrum am Kanal (Beispiel)',
			showOrganisation: true,
			languages: ['Deutsch', 'Türkisch', 'Englisch'],
			showLanguages: true,
			topics: ['Mentoring', 'Hospitation', 'Elternarbeit'],
			showTopics: true,
			contact: 'platform',
			phone: ''
		},
		now
	);
	createThread(
		alumna,
		alumniSpace(courseId),
		{
			title: 'Hospitation in unserem Stadtteilzentrum',
			body: 'Wer aus dem neuen Lehrgang möchte einen Tag bei uns mitlaufen? Schreiben Sie hier, ich melde mich.',
			moduleId: null,
			itemId: null
		},
		now
	);
}

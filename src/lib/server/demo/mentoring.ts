import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { users } from '../db/schema';
import { saveOffer } from '../mentoring';

/** The demo graduate (certified by seedDemoAlumni) offers mentoring, so /mentoring shows an offer. */
export function seedDemoMentoring(alumnaEmail: string): void {
	const alumna = getDb()
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, alumnaEmail))
		.get();
	if (!alumna) return;
	saveOffer(alumna.id, {
		topics: ['Jobcenter', 'Ausländerbehörde', 'Wohnungssuche'],
		languages: ['Deutsch', 'Türkisch', 'Englisch'],
		capacity: 2,
		paused: false
	});
}

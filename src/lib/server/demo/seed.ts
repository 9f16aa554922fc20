import { count, eq } from 'drizzle-orm';
import { createUser } from '../auth/users';
import { getDb } from '../db';
import { isUniqueViolation } from '../db/errors';
import { users, type Role } from '../db/schema';
import { saveIssuerSettings } from '../certificates/settings';
import { grantAuthoring } from '../studio/rights';
import { DEMO_COURSE_ID, seedDemoCohort } from './cohort';
import { seedDemoAlumni } from './alumni';
import { seedDemoDiscussions } from './discussions';
import { seedDemoEvent } from './events';
import { seedDemoMentoring } from './mentoring';
import { seedDemoHospitation } from './hospitation';
import { openDemoCourses } from './courses';
import { envText } from '../config/env';

export const isDemoMode = () => envText('DEMO_MODE') === 'true' || envText('DEMO_MODE') === '1';

/** Shown in the README and, in demo mode only, on the login page. */
export const DEMO_PASSWORD = 'Demo-Lernplattform-2026';
export const demoAccounts: { email: string; name: string; role: Role }[] = [
	{ email: 'lernende@example.org', name: 'Aylin Demir', role: 'learner' },
	{ email: 'trainerin@example.org', name: 'Katrin Weber', role: 'trainer' },
	{ email: 'admin@example.org', name: 'Jonas Admin', role: 'admin' },
	// A graduate of the course: her certificate makes her a member of its alumni network, and she
	// offers mentoring.
	{ email: 'absolventin@example.org', name: 'Selin Yıldız', role: 'learner' }
];

const demoIssuer = {
	name: 'Beispielträger e. V. (Demo)',
	address: 'Beispielstraße 1, 10115 Berlin',
	place: 'Berlin',
	signatoryName: 'Maria Muster',
	signatoryRole: 'Projektleitung (Demo)'
};

/** Fills an empty database with the demo accounts; leaves a database with users untouched. */
export async function seedDemoData(): Promise<boolean> {
	const db = getDb();
	const existing = db.select({ n: count() }).from(users).get()?.n ?? 0;
	if (existing > 0) return false;
	try {
		for (const account of demoAccounts) {
			await createUser({ ...account, password: DEMO_PASSWORD });
		}
	} catch (error) {
		// Several cluster workers may seed at once; the first one wins.
		if (isUniqueViolation(error)) return false;
		throw error;
	}
	openDemoCourses();
	const cohortId = seedDemoCohort();
	if (cohortId) seedDemoDiscussions(cohortId);
	// The demo trainer may author her cohort's course, so a newcomer finds the studio at once.
	const trainer = getDb()
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'trainerin@example.org'))
		.get();
	if (trainer) grantAuthoring(trainer.id, DEMO_COURSE_ID, null);
	// A fictitious issuer, so that demo certificates never carry the product's name.
	saveIssuerSettings(demoIssuer);
	seedDemoEvent(DEMO_COURSE_ID, cohortId);
	seedDemoAlumni(DEMO_COURSE_ID);
	seedDemoMentoring('absolventin@example.org');
	seedDemoHospitation();
	return true;
}

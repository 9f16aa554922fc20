import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '$lib/server/auth/users';
import { enrol } from '$lib/server/cohorts/enrolment';
import { getCourse } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { cohortModules, cohorts, cohortTrainers, type Role } from '$lib/server/db/schema';
import { recordCompletion } from '$lib/server/progress';
import { generateId } from '$lib/server/crypto/tokens';
import { useFreshDatabase } from './test-database';

export const COURSE_ID = 'probe-verwaltung';

/** A fresh signing key per test file, outside the project. */
export function useTemporaryKeyDir(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'lernplattform-keys-')), 'keys');
	process.env.KEY_DIR = dir;
	return dir;
}

/** A fresh database and signing key for a test file about certificates. */
export function useCertificateDb() {
	const db = useFreshDatabase();
	useTemporaryKeyDir();
	return db;
}

let counter = 0;
export async function makeUser(name: string, role: Role = 'learner') {
	counter += 1;
	return createUser({
		name,
		email: `person-${counter}-${Date.now()}@example.org`,
		password: 'Sonnenblume Fahrrad Brücke',
		role
	});
}

export function makeCohort(
	createdBy: string,
	trainerId?: string,
	name = 'Lehrgang Frühjahr 2026',
	courseId = COURSE_ID
) {
	const id = generateId();
	const db = getDb();
	db.insert(cohorts).values({ id, courseId, name, createdBy }).run();
	if (trainerId) db.insert(cohortTrainers).values({ cohortId: id, userId: trainerId }).run();
	const modules = getCourse(courseId)!.modules;
	db.insert(cohortModules)
		.values([
			{ cohortId: id, moduleId: modules[0]!.id, startsOn: '2026-03-02', endsOn: '2026-03-03' },
			{ cohortId: id, moduleId: modules.at(-1)!.id, startsOn: '2026-05-11', endsOn: '2026-05-12' }
		])
		.run();
	return id;
}

/** Completes every item of the course through the progress API, as the app does. */
export function completeCourse(userId: string, courseId = COURSE_ID) {
	for (const module of getCourse(courseId)!.modules) {
		for (const item of module.items) recordCompletion(userId, item.id, 'lesson_marked');
	}
}

export { enrol };

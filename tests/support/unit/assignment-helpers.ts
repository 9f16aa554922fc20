import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssignmentMeta } from '$lib/content/types';
import type { SessionUser } from '$lib/server/auth/session';
import { createUser } from '$lib/server/auth/users';
import { enrol } from '$lib/server/cohorts/enrolment';
import { getAssignment } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { cohorts, cohortTrainers } from '$lib/server/db/schema';
import type { Role } from '$lib/server/db/schema';
import { useFreshDatabase } from '$test/unit/test-database';

export const COURSE = 'probe-ikbo';
export const ITEM_ID = `${COURSE}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`;

export const assignment = (id = ITEM_ID): AssignmentMeta => {
	const item = getAssignment(id);
	if (!item) throw new Error(`missing assignment ${id}`);
	return item;
};

export async function person(email: string, role: Role): Promise<SessionUser> {
	const user = await createUser({
		email,
		name: email.split('@')[0]!,
		password: 'pw-pw-pw-pw-1',
		role
	});
	return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export function cohort(
	id: string,
	courseId: string,
	trainer: SessionUser,
	learners: SessionUser[]
) {
	const db = getDb();
	db.insert(cohorts)
		.values({ id, courseId, name: `Lehrgang ${id}`, createdBy: trainer.id })
		.run();
	db.insert(cohortTrainers).values({ cohortId: id, userId: trainer.id }).run();
	for (const learner of learners) enrol(learner.id, courseId, id);
}

/** The upload folder of the last twoCohorts(): the next call or the end of the run removes it. */
let lastUploadDir: string | null = null;
process.once('exit', () => {
	if (lastUploadDir) rmSync(lastUploadDir, { recursive: true, force: true });
});

/** Two cohorts of the same course, each with a trainer and a learner, plus an admin. */
export async function twoCohorts() {
	useFreshDatabase();
	// The database starts empty, so nothing refers to the files of the call before.
	if (lastUploadDir) rmSync(lastUploadDir, { recursive: true, force: true });
	lastUploadDir = mkdtempSync(join(tmpdir(), 'abgaben-'));
	process.env.UPLOAD_DIR = lastUploadDir;
	const people = {
		learnerA: await person('a@x.org', 'learner'),
		learnerB: await person('b@x.org', 'learner'),
		trainer1: await person('t1@x.org', 'trainer'),
		trainer2: await person('t2@x.org', 'trainer'),
		admin: await person('admin@x.org', 'admin')
	};
	cohort('cohort1', COURSE, people.trainer1, [people.learnerA]);
	cohort('cohort2', COURSE, people.trainer2, [people.learnerB]);
	return people;
}

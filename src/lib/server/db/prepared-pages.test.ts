import { describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { createCohort } from '../cohorts/cohorts';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { courseView, lessonView } from '../course-pages';
import { getLearnerDashboard } from '../progress/dashboard';
import { listCompletionEvents } from '../progress/events';
import { getAttempt, getOwnAttempt, startAttempt, submitAttempt } from '../quiz/attempts';
import { getQuiz } from '../content';
import { rightSheet } from '$test/unit/test-quiz';
import { useFreshDatabase } from '$test/unit/test-database';

// The pages a learner opens most run prepared queries: drizzle builds their SQL once per
// connection, not on every request (it was 10–13 % of the CPU of the dashboard and course page).

const db = useFreshDatabase();
const COURSE = 'probe-digital';

/** SQL texts drizzle hands to SQLite while `work` runs (prepared queries hand none). */
function sqlBuiltIn(work: () => void): string[] {
	const client = db.$client;
	const prepare = client.prepare;
	const built: string[] = [];
	client.prepare = ((source: string) => {
		built.push(source);
		return prepare.call(client, source);
	}) as typeof client.prepare;
	try {
		work();
	} finally {
		client.prepare = prepare;
	}
	return built;
}

async function cohortLearner(tag = '') {
	const trainer = await createUser({
		email: `trainerin${tag}@example.org`,
		name: 'Trainerin',
		password: 'ein sehr gutes Passwort 2026',
		role: 'trainer'
	});
	const learner = await createUser({
		email: `lernende${tag}@example.org`,
		name: 'Lernende',
		password: 'ein sehr gutes Passwort 2026',
		role: 'learner'
	});
	const [first] = getCourse(COURSE)!.modules;
	const cohortId = createCohort(
		COURSE,
		{
			name: 'Herbst',
			trainerIds: [trainer.id],
			followUpDate: null,
			modules: [
				{
					moduleId: first!.id,
					startsOn: '2027-01-11',
					endsOn: '2027-01-12',
					place: 'Berlin-Mitte',
					assignmentDueOn: null
				}
			]
		},
		trainer.id
	);
	enrol(learner.id, COURSE, cohortId);
	return learner;
}

describe('prepared queries on the learner pages', () => {
	it('the dashboard, the course page and a lesson build no SQL after their first request', async () => {
		const learner = await cohortLearner();
		const lesson = getCourse(COURSE)!.modules[0]!.items.find((item) => item.type === 'lesson')!;
		const pages = {
			dashboard: () => getLearnerDashboard(learner),
			course: () => courseView(learner, COURSE),
			lesson: () => lessonView(learner, lesson.id)
		};
		// The first request prepares the queries (which the probe sees), the next ones reuse them.
		expect(sqlBuiltIn(pages.dashboard)).not.toEqual([]);
		for (const [name, open] of Object.entries(pages)) {
			open();
			expect(sqlBuiltIn(open), name).toEqual([]);
		}
		expect(getLearnerDashboard(learner).upcoming).toHaveLength(1);
	});

	it('a passing quiz submit builds no SQL after the first and stores what it graded', async () => {
		const learner = await cohortLearner('-quiz');
		const quiz = getQuiz(`${COURSE}/informationen-und-daten/wissenscheck`)!;
		const submitOnce = (at: Date) => {
			const started = startAttempt({ userId: learner.id, quiz, courseId: COURSE, cohortId: null });
			if (!started.ok) throw new Error('no attempt');
			const sheet = rightSheet(quiz, started.attemptId);
			const read = getOwnAttempt(started.attemptId, learner.id);
			return {
				id: started.attemptId,
				built: sqlBuiltIn(() => submitAttempt(started.attemptId, learner.id, sheet, at, read))
			};
		};
		expect(submitOnce(new Date('2026-12-01T10:00:00Z')).built).not.toEqual([]);
		const at = new Date('2026-12-02T10:00:00Z');
		const second = submitOnce(at);
		expect(second.built).toEqual([]);
		const stored = getAttempt(second.id)!;
		expect(stored).toMatchObject({ status: 'submitted', passed: true, submittedAt: at });
		expect(stored.result?.passed).toBe(true);
		expect(listCompletionEvents(learner.id, COURSE).at(-1)).toMatchObject({
			itemId: quiz.id,
			kind: 'completed',
			source: 'quiz_passed'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { enrol } from '../cohorts/enrolment';
import { getCourse, getQuiz } from '../content';
import { lessonView, markLesson } from '../course-pages';
import { startAttempt, submitAttempt } from '../quiz/attempts';
import { rightSheet } from '$test/unit/test-quiz';
import { users } from './schema';
import { useFreshDatabase } from '$test/unit/test-database';

// How many SQL statements one lesson page and one quiz submit run. Progress is loaded once and
// passed along; these budgets fail when a change starts reading the same rows again.

const db = useFreshDatabase();
const COURSE = 'probe-digital';

type Run = (...args: unknown[]) => unknown;

/** Statements run while `work` runs, whether prepared just now or once before (preparedQuery). */
function statementsIn(work: () => void): number {
	const statement = Object.getPrototypeOf(db.$client.prepare('select 1')) as Record<string, Run>;
	const methods = ['get', 'all', 'run', 'iterate'];
	const originals = methods.map((method) => statement[method]!);
	let count = 0;
	methods.forEach((method, index) => {
		statement[method] = function (this: unknown, ...args: unknown[]) {
			count += 1;
			return originals[index]!.apply(this, args);
		};
	});
	try {
		work();
	} finally {
		methods.forEach((method, index) => (statement[method] = originals[index]!));
	}
	return count;
}

function learner(id: string) {
	db.insert(users)
		.values({ id, email: `${id}@example.org`, name: id, passwordHash: 'x' })
		.run();
	enrol(id, COURSE, null);
	return { id, email: `${id}@example.org`, name: id, role: 'learner' as const };
}

describe('statements per request', () => {
	it('a lesson page: at most 3', () => {
		const user = learner('lesen');
		const lesson = getCourse(COURSE)!.modules[1]!.items.find((item) => item.type === 'lesson')!;
		markLesson(user, getCourse(COURSE)!.modules[0]!.items[0]!.id, true);
		let kind = '';
		const count = statementsIn(() => {
			kind = lessonView(user, lesson.id).kind;
		});
		expect(kind).toBe('lesson');
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThanOrEqual(3);
	});

	it('a passing quiz submit, with its completion: at most 5', () => {
		const user = learner('quiz');
		const quiz = getQuiz(`${COURSE}/informationen-und-daten/wissenscheck`)!;
		const started = startAttempt({ userId: user.id, quiz, courseId: COURSE, cohortId: null });
		if (!started.ok) throw new Error('no attempt');
		const sheet = rightSheet(quiz, started.attemptId);
		let graded = false;
		const count = statementsIn(() => {
			graded = submitAttempt(started.attemptId, user.id, sheet)?.result.passed ?? false;
		});
		expect(graded).toBe(true);
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThanOrEqual(5);
	});
});

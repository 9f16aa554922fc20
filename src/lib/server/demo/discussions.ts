import { eq } from 'drizzle-orm';
import { getCohort } from '../cohorts/cohorts';
import { getCourse } from '../content';
import { getDb } from '../db';
import { users } from '../db/schema';
import { createThread } from '../discussions';

const sessionUser = (email: string) =>
	getDb()
		.select({ id: users.id, name: users.name, email: users.email, role: users.role })
		.from(users)
		.where(eq(users.email, email))
		.get();

/**
 * Two threads in the demo cohort's Austausch, so the start command shows it: the trainer's
 * pinned welcome and the learner's question about the first lesson.
 */
export function seedDemoDiscussions(cohortId: string, now = new Date()): void {
	const cohort = getCohort(cohortId);
	const trainer = sessionUser('trainerin@example.org');
	const learner = sessionUser('lernende@example.org');
	const firstModule = cohort && getCourse(cohort.courseId)?.modules[0];
	if (!cohort || !trainer || !learner || !firstModule) return;
	createThread(
		trainer,
		cohortId,
		{
			title: 'Willkommen im Austausch',
			body: 'Hier stellen Sie Fragen zu den Modulen und teilen Erfahrungen aus Ihrer Arbeit.\n\n- Bitte bleiben Sie sachlich und freundlich.\n- Nennen Sie keine Namen von Klient*innen.',
			moduleId: null,
			itemId: null,
			pinned: true
		},
		new Date(now.getTime() - 2 * 86_400_000)
	);
	const lesson = firstModule.items.find((item) => item.type === 'lesson');
	createThread(
		learner,
		cohortId,
		{
			title: 'Wie erkläre ich meine Rolle beim ersten Termin?',
			body: 'Beim ersten Gespräch im Amt wusste ich nicht, wie ich mich **kurz** vorstelle. Wie macht ihr das?',
			moduleId: firstModule.id,
			itemId: lesson?.id ?? null
		},
		now
	);
}

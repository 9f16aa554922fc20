import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { users } from '../db/schema';
import { createEvent, getEvent, publishEvent } from '../events';
import { fromBerlin } from '../events/berlin-time';

const AGENDA = `Einmal im Jahr treffen sich die Absolvent*innen für zwei Tage: zu aktuellen Themen, zur weiteren Vernetzung und Rollenstärkung.

**Tag 1**
- 9:00 Ankommen und Austausch in Kleingruppen
- 11:00 Impuls: Was hat sich im Hilfesystem verändert?
- 14:00 Kollegiale Fallberatung

**Tag 2**
- 9:00 Rollenklärung in schwierigen Situationen
- 13:00 Vernetzung nach Bezirken, Abschluss um 16:00`;

/**
 * The yearly Vertiefungstreffen of the demo trainer, published for the demo course's alumni, so
 * the start command shows the events (to the trainer and the admin; learners see it once they
 * hold a certificate of the course).
 */
export function seedDemoEvent(courseId: string, cohortId: string | null, now = new Date()): void {
	const trainer = getDb()
		.select({ id: users.id, name: users.name, email: users.email, role: users.role })
		.from(users)
		.where(eq(users.email, 'trainerin@example.org'))
		.get();
	if (!trainer) return;
	const first = new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
	const second = new Date(now.getTime() + 61 * 86_400_000).toISOString().slice(0, 10);
	const startsAt = fromBerlin(first, '09:00');
	const endsAt = fromBerlin(second, '16:00');
	if (!startsAt || !endsAt) return;
	const id = createEvent(
		trainer,
		{
			title: `Vertiefungstreffen ${first.slice(0, 4)}`,
			description: AGENDA,
			format: 'praesenz',
			place: 'Nachbarschaftshaus Beispielkiez, Beispielstraße 5, 10115 Berlin',
			startsAt,
			endsAt,
			capacity: 30,
			registrationDeadline: fromBerlin(
				new Date(now.getTime() + 45 * 86_400_000).toISOString().slice(0, 10),
				'23:59'
			)
		},
		[
			{ kind: 'course', targetId: courseId },
			...(cohortId ? [{ kind: 'cohort' as const, targetId: cohortId }] : [])
		]
	);
	publishEvent(trainer, getEvent(id)!, now);
}

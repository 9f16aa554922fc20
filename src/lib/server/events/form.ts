import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { withoutControls } from '../validation/text';
import { formatDay } from '$lib/format';
import { daysBetween, fromBerlin } from './berlin-time';

export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 20_000;
export const PLACE_MAX = 300;
export const CAPACITY_MAX = 10_000;
/** Prefix of the audience checkboxes: `zielgruppe:course:<id>`, `zielgruppe:cohort:<id>`. */
export const AUDIENCE_FIELD = 'zielgruppe:';

const cleaned = (text: string) => withoutControls(text).replace(/\r\n/g, '\n');
const text = (min: number, max: number, message: () => string) =>
	z.string({ error: message() }).overwrite(cleaned).trim().min(min, message()).max(max, message());
const day = () => z.string().trim().max(10).default('');
const time = () => z.string().trim().max(5).default('');

/** What the dates are checked against: the server's clock, and on an edit the stored dates. */
export interface EventSchemaOptions {
	now?: Date;
	/**
	 * The event as stored: a start or deadline that stays as it was is not refused for being past;
	 * days with recorded attendance (YYYY-MM-DD) must stay days of the event.
	 */
	before?: { startsAt: Date; registrationDeadline: Date | null; attendedDays?: readonly string[] };
}

function daysLost(attended: readonly string[] = [], startsAt: Date, endsAt: Date): string[] {
	const kept = new Set(daysBetween(startsAt, endsAt));
	return attended.filter((day) => !kept.has(day));
}

const sameInstant = (a: Date | null, b: Date | null) =>
	(a?.getTime() ?? null) === (b?.getTime() ?? null);

export const eventSchema = ({ now = new Date(), before }: EventSchemaOptions = {}) =>
	z
		.object({
			title: text(3, TITLE_MAX, () => m.events_error_title({ max: TITLE_MAX })),
			description: text(1, DESCRIPTION_MAX, () =>
				m.events_error_description({ max: DESCRIPTION_MAX })
			),
			format: z.enum(['online', 'praesenz'], { error: m.events_error_format() }),
			place: text(1, PLACE_MAX, () => m.events_error_place({ max: PLACE_MAX })),
			startDay: day(),
			startTime: time(),
			endDay: day(),
			endTime: time(),
			capacity: z
				.string()
				.trim()
				.regex(/^\d{1,5}$/, m.events_error_capacity({ max: CAPACITY_MAX }))
				.transform(Number)
				.refine((n) => n >= 1 && n <= CAPACITY_MAX, m.events_error_capacity({ max: CAPACITY_MAX })),
			deadlineDay: day(),
			deadlineTime: time()
		})
		.transform((input, ctx) => {
			const startsAt = fromBerlin(input.startDay, input.startTime);
			const endsAt = fromBerlin(input.endDay, input.endTime);
			const startKept = !!before && !!startsAt && sameInstant(startsAt, before.startsAt);
			if (!startsAt)
				ctx.addIssue({ code: 'custom', path: ['startDay'], message: m.events_error_start() });
			else if (startsAt < now && !startKept) {
				// Publishing would invite people to something already over.
				ctx.addIssue({ code: 'custom', path: ['startDay'], message: m.events_error_start_past() });
			}
			if (!endsAt)
				ctx.addIssue({ code: 'custom', path: ['endDay'], message: m.events_error_end() });
			if (startsAt && endsAt && endsAt <= startsAt) {
				ctx.addIssue({ code: 'custom', path: ['endDay'], message: m.events_error_end_before() });
			}
			if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) {
				ctx.addIssue({ code: 'custom', path: ['endDay'], message: m.events_error_too_long() });
			}
			const lost = startsAt && endsAt ? daysLost(before?.attendedDays, startsAt, endsAt) : [];
			if (lost.length) {
				// The attendance would be on no page any more, and the confirmations name those days.
				const days = lost.map((day) => formatDay(day)).join(', ');
				ctx.addIssue({
					code: 'custom',
					path: ['startDay'],
					message: m.events_error_attendance_days({ days })
				});
			}
			let registrationDeadline: Date | null = null;
			if (input.deadlineDay || input.deadlineTime) {
				registrationDeadline = fromBerlin(input.deadlineDay, input.deadlineTime || '23:59');
				if (!registrationDeadline || (startsAt && registrationDeadline > startsAt)) {
					ctx.addIssue({
						code: 'custom',
						path: ['deadlineDay'],
						message: m.events_error_deadline()
					});
				} else if (
					registrationDeadline < now &&
					!(startKept && sameInstant(registrationDeadline, before!.registrationDeadline))
				) {
					ctx.addIssue({
						code: 'custom',
						path: ['deadlineDay'],
						message: m.events_error_deadline_past()
					});
				}
			}
			if (!startsAt || !endsAt) return z.NEVER;
			return {
				title: input.title,
				description: input.description,
				format: input.format,
				place: input.place,
				startsAt,
				endsAt,
				capacity: input.capacity,
				registrationDeadline
			};
		});

export type EventInput = z.output<ReturnType<typeof eventSchema>>;

export interface AudienceChoice {
	kind: 'course' | 'cohort';
	targetId: string;
}

export const audienceKey = (choice: AudienceChoice) =>
	`${AUDIENCE_FIELD}${choice.kind}:${choice.targetId}`;

/**
 * The ticked audience boxes, each one of the offered choices; anything else (a tampered form)
 * is null.
 */
export function parseAudience(form: FormData, offered: AudienceChoice[]): AudienceChoice[] | null {
	const allowed = new Map(offered.map((choice) => [audienceKey(choice), choice]));
	const chosen: AudienceChoice[] = [];
	for (const key of new Set(form.keys())) {
		if (!key.startsWith(AUDIENCE_FIELD)) continue;
		const choice = allowed.get(key);
		if (!choice || form.getAll(key).length !== 1 || form.get(key) !== 'ja') return null;
		chosen.push(choice);
	}
	return chosen;
}

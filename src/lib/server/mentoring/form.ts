import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isIsoDate } from '../cohorts/dates';
import { withoutControls } from '../validation/text';
import { LIST_ENTRY_MAX, LIST_MAX, parseList } from './state';

export const CAPACITY_MAX = 5;
export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 1000;
export const BODY_MAX = 10_000;
export const TOPIC_MIN = 3;
export const TOPIC_MAX = 150;
export const NOTE_MAX = 1000;
export const REASON_MIN = 3;
export const REASON_MAX = 500;

const cleaned = (text: string) => withoutControls(text).replace(/\r\n/g, '\n');

/** A trimmed text between `min` and `max` characters, with one message for each bound. */
export const boundedText = (min: number, max: number, short: string, long: string) =>
	z.string({ error: short }).overwrite(cleaned).trim().min(min, short).max(max, long);

const list = (message: string) =>
	z
		.string({ error: message })
		.max(LIST_MAX * (LIST_ENTRY_MAX + 2), message)
		.transform(parseList)
		.pipe(z.array(z.string().max(LIST_ENTRY_MAX, message)).min(1, message).max(LIST_MAX, message));

export const offerSchema = () =>
	z.object({
		topics: list(m.mentoring_error_topics({ max: LIST_MAX, length: LIST_ENTRY_MAX })),
		languages: list(m.mentoring_error_languages({ max: LIST_MAX, length: LIST_ENTRY_MAX })),
		capacity: z.coerce
			.number({ error: m.mentoring_error_capacity({ max: CAPACITY_MAX }) })
			.int(m.mentoring_error_capacity({ max: CAPACITY_MAX }))
			.min(1, m.mentoring_error_capacity({ max: CAPACITY_MAX }))
			.max(CAPACITY_MAX, m.mentoring_error_capacity({ max: CAPACITY_MAX })),
		paused: z
			.literal('ja')
			.optional()
			.transform((value) => value === 'ja')
	});

export const requestSchema = () =>
	z.object({
		/** An offer's ID, or '' for "whoever fits". */
		offerId: z.string().max(40).default(''),
		message: boundedText(
			MESSAGE_MIN,
			MESSAGE_MAX,
			m.mentoring_error_message({ min: MESSAGE_MIN }),
			m.mentoring_error_message_long({ max: MESSAGE_MAX })
		)
	});

export const confirmSchema = () =>
	z.object({ pairId: z.string().max(40), offerId: z.string().max(40).default('') });

export const declineSchema = () =>
	z.object({
		pairId: z.string().max(40),
		reason: boundedText(
			REASON_MIN,
			REASON_MAX,
			m.mentoring_error_reason({ min: REASON_MIN }),
			m.mentoring_error_reason_long({ max: REASON_MAX })
		)
	});

export const pairMessageSchema = () =>
	z.object({
		body: boundedText(
			1,
			BODY_MAX,
			m.mentoring_error_body(),
			m.mentoring_error_body_long({ max: BODY_MAX })
		)
	});

export const meetingSchema = () =>
	z.object({
		metOn: z
			.string({ error: m.mentoring_error_date() })
			.trim()
			.refine(isIsoDate, m.mentoring_error_date()),
		topic: boundedText(
			TOPIC_MIN,
			TOPIC_MAX,
			m.mentoring_error_topic({ min: TOPIC_MIN }),
			m.mentoring_error_topic_long({ max: TOPIC_MAX })
		),
		note: z
			.string()
			.overwrite(cleaned)
			.trim()
			.max(NOTE_MAX, m.mentoring_error_note_long({ max: NOTE_MAX }))
			.default('')
	});

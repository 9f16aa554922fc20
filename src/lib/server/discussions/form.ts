import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { withoutControls } from '../validation/text';

export const TITLE_MIN = 3;
export const TITLE_MAX = 150;
export const BODY_MAX = 20_000;
export const REASON_MIN = 3;
export const REASON_MAX = 500;

const cleaned = (text: string) => withoutControls(text).replace(/\r\n/g, '\n');

const body = () =>
	z
		.string({ error: m.discussions_error_body() })
		.overwrite(cleaned)
		.trim()
		.min(1, m.discussions_error_body())
		.max(BODY_MAX, m.discussions_error_body_long({ max: BODY_MAX }));

/** A reason for hiding or reporting a post (the author or the trainers read it). */
const reason = () =>
	z
		.string({ error: m.discussions_error_reason({ min: REASON_MIN }) })
		.overwrite(cleaned)
		.trim()
		.min(REASON_MIN, m.discussions_error_reason({ min: REASON_MIN }))
		.max(REASON_MAX, m.discussions_error_reason_long({ max: REASON_MAX }));

const optionalId = z.string().max(300).default('');

export const threadSchema = () =>
	z.object({
		title: z
			.string({ error: m.discussions_error_title({ min: TITLE_MIN }) })
			.overwrite(cleaned)
			.trim()
			.min(TITLE_MIN, m.discussions_error_title({ min: TITLE_MIN }))
			.max(TITLE_MAX, m.discussions_error_title_long({ max: TITLE_MAX })),
		body: body(),
		/** A module ID of the cohort's course, or '' for "Allgemein". */
		moduleId: optionalId,
		/** A lesson or Praxisaufgabe of the course, or ''. */
		itemId: optionalId
	});

export const replySchema = () => z.object({ body: body() });

export const reasonSchema = () => z.object({ postId: z.string().max(40), reason: reason() });

export const moveSchema = () => z.object({ moduleId: optionalId });

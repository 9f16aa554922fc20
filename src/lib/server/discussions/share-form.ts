import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { withoutControls } from '../validation/text';
import { BODY_MAX } from './form';

const cleaned = (text: string) => withoutControls(text).replace(/\r\n/g, '\n');

/**
 * The "Praxisaufgabe teilen" form: the whole text (taken from the submission on the server) or
 * the learner's edited excerpt, and an optional question that opens the thread.
 */
export const shareSchema = () =>
	z
		.object({
			mode: z.enum(['ganz', 'auszug'], { error: m.shared_submission_error_mode() }),
			excerpt: z
				.string()
				.overwrite(cleaned)
				.trim()
				.max(BODY_MAX, m.shared_submission_error_excerpt_long({ max: BODY_MAX }))
				.default(''),
			question: z
				.string()
				.overwrite(cleaned)
				.trim()
				.max(BODY_MAX, m.shared_submission_error_question_long({ max: BODY_MAX }))
				.default('')
		})
		.refine((form) => form.mode === 'ganz' || form.excerpt.length > 0, {
			path: ['excerpt'],
			message: m.shared_submission_error_excerpt()
		});

export type ShareForm = z.output<ReturnType<typeof shareSchema>>;

import { z } from 'zod';
import { ID_PATTERN } from './layout.js';

// Frontmatter schemas of the content contract. `.strictObject` makes unknown keys errors;
// the German messages come from `frontmatter.ts`, which maps zod's issues.

const text = z.string().trim().min(1);
const id = z.string().regex(ID_PATTERN);
const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/);

export const courseSchema = z.strictObject({
	id: id.optional(),
	title: text,
	summary: text,
	language: languageTag.default('de'),
	unlock: z.enum(['sequential', 'open']).default('sequential'),
	/** Extension: completion also needs recorded presence on every module day of the cohort. */
	attendanceRequired: z.boolean().default(false),
	certificate: z
		.strictObject({
			kind: z.enum(['zertifikat', 'teilnahmebestaetigung']),
			title: text,
			hours: z.number().positive()
		})
		.optional()
});

export const moduleSchema = z.strictObject({
	id: id.optional(),
	title: text,
	summary: text.optional(),
	hours: z.number().min(0).optional(),
	objectives: z.array(text).optional()
});

export const ITEM_TYPES = ['lesson', 'quiz', 'assignment'] as const;

export const lessonSchema = z.strictObject({
	id: id.optional(),
	type: z.literal('lesson').optional(),
	title: text,
	minutes: z.number().positive().optional()
});

export const quizSchema = z.strictObject({
	id: id.optional(),
	type: z.literal('quiz'),
	title: text,
	passPercent: z.number().min(0).max(100).default(80),
	attempts: z.union([z.literal('unlimited'), z.number().int().min(1)]).default('unlimited'),
	shuffle: z.boolean().default(false),
	draw: z.number().int().min(1).optional(),
	/**
	 * Extension: correct answers on the result page. true (default): once the quiz is passed or
	 * no attempts remain; 'always': after every attempt; false: never.
	 */
	showAnswers: z.union([z.boolean(), z.literal('always')]).default(true)
});

export const UPLOAD_FILE_TYPES = ['pdf', 'docx', 'odt', 'jpg', 'png', 'mp3', 'm4a'] as const;

export const assignmentSchema = z.strictObject({
	id: id.optional(),
	type: z.literal('assignment'),
	title: text,
	submission: z.array(z.enum(['text', 'file'])).min(1),
	files: z
		.strictObject({
			types: z.array(z.enum(UPLOAD_FILE_TYPES)).min(1),
			maxMB: z.number().positive()
		})
		.optional(),
	rubric: z.array(z.strictObject({ id, label: text })).default([]),
	required: z.boolean().default(true)
});

export type CourseFrontmatter = z.output<typeof courseSchema>;
export type ModuleFrontmatter = z.output<typeof moduleSchema>;
export type LessonFrontmatter = z.output<typeof lessonSchema>;
export type QuizFrontmatter = z.output<typeof quizSchema>;
export type AssignmentFrontmatter = z.output<typeof assignmentSchema>;

import { z } from 'zod';
import { DEFAULT_CONTENT_LANGUAGE } from '../../content/language';
import { ID_PATTERN } from './layout.js';

// Frontmatter schemas of the content contract. `.strictObject` makes unknown keys errors;
// the German messages come from `frontmatter.ts`, which maps zod's issues.

const text = z.string().trim().min(1);
const id = z.string().regex(ID_PATTERN);
const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/);
/** Month and year of a content review, `2026-11`. */
export const YEAR_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const yearMonth = z.string().regex(YEAR_MONTH_PATTERN);

/** Extension: when a text was last checked, who keeps it current, when to check it next.
 * Allowed in every file; an item inherits what its module or course declares. */
const reviewKeys = {
	stand: yearMonth.optional(),
	verantwortlich: text.optional(),
	naechstePruefung: yearMonth.optional()
};

export const DOWNLOAD_FILE_TYPES = ['pdf', 'docx', 'odt'] as const;

/** Extension: a handout or template beside the Markdown, listed on the module page. */
const downloads = z
	.array(z.strictObject({ file: text, title: text, description: text.optional() }))
	.default([]);

const hoursPart = z.number().min(0).default(0);
/** Extension: how the UE are made up; the parts add up to the total they split. */
const hoursSplit = z.strictObject({ online: hoursPart, inPerson: hoursPart, practice: hoursPart });

export const courseSchema = z.strictObject({
	id: id.optional(),
	title: text,
	summary: text,
	language: languageTag.default(DEFAULT_CONTENT_LANGUAGE),
	unlock: z.enum(['sequential', 'open']).default('sequential'),
	/** Extension: completion also needs recorded presence on every module day of the cohort. */
	attendanceRequired: z.boolean().default(false),
	certificate: z
		.strictObject({
			kind: z.enum(['zertifikat', 'teilnahmebestaetigung']),
			title: text,
			hours: z.number().positive(),
			hoursSplit: hoursSplit.optional(),
			/** Extension: what earns the Zertifikat; without it a Teilnahmebestätigung is issued. */
			criteria: z
				.strictObject({
					minAttendancePercent: z.number().positive().max(100).optional(),
					requiredAssignmentsAccepted: z.boolean().default(false)
				})
				.optional()
		})
		.optional(),
	...reviewKeys
});

export const moduleSchema = z.strictObject({
	id: id.optional(),
	title: text,
	summary: text.optional(),
	hours: z.number().min(0).optional(),
	objectives: z.array(text).optional(),
	hoursSplit: hoursSplit.optional(),
	downloads,
	...reviewKeys
});

/** `trainer`: material only the course's trainers (and admins) read, never part of the course. */
export const ITEM_TYPES = ['lesson', 'quiz', 'assignment', 'trainer'] as const;

export const lessonSchema = z.strictObject({
	id: id.optional(),
	type: z.literal('lesson').optional(),
	title: text,
	minutes: z.number().positive().optional(),
	/** Extension: a reflection question the learner can answer in their Lerntagebuch. */
	reflexion: text.optional(),
	downloads,
	...reviewKeys
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
	showAnswers: z.union([z.boolean(), z.literal('always')]).default(true),
	...reviewKeys
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
	rubric: z
		.array(
			z.strictObject({
				id,
				label: text,
				/** Extension: levels from lowest to highest, each with what it looks like. */
				levels: z
					.array(z.strictObject({ id, label: text, description: text.optional() }))
					.optional(),
				/** Extension: the criterion must be rated before a review is sent. */
				required: z.boolean().default(false)
			})
		)
		.default([]),
	required: z.boolean().default(true),
	downloads,
	...reviewKeys
});

export const trainerSchema = z.strictObject({
	id: id.optional(),
	type: z.literal('trainer'),
	title: text,
	/** ID part of a practice assignment in the same module this material helps to assess. */
	assignment: id.optional(),
	downloads,
	...reviewKeys
});

export type CourseFrontmatter = z.output<typeof courseSchema>;
export type ModuleFrontmatter = z.output<typeof moduleSchema>;
export type LessonFrontmatter = z.output<typeof lessonSchema>;
export type QuizFrontmatter = z.output<typeof quizSchema>;
export type AssignmentFrontmatter = z.output<typeof assignmentSchema>;
export type TrainerFrontmatter = z.output<typeof trainerSchema>;
export type DownloadFrontmatter = z.output<typeof downloads>[number];
export type ReviewFrontmatter = { stand?: string; verantwortlich?: string; naechstePruefung?: string };

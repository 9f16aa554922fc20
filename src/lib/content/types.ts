/**
 * Course structure as the platform shows it. Safe for the browser: it carries no quiz answers,
 * gap solutions, matches or orders (those live in `$lib/server/content/quiz-types`).
 */

export type ItemType = 'lesson' | 'quiz' | 'assignment';
export type UnlockMode = 'sequential' | 'open';
export type CertificateKind = 'zertifikat' | 'teilnahmebestaetigung';
export type SubmissionKind = 'text' | 'file';
export type UploadFileType = 'pdf' | 'docx' | 'odt' | 'jpg' | 'png' | 'mp3' | 'm4a';

export interface CertificateMeta {
	kind: CertificateKind;
	title: string;
	/** Unterrichtseinheiten (UE) printed on the certificate. */
	hours: number;
}

export interface CourseMeta {
	/** The course slug (or its frontmatter `id`). */
	id: string;
	/** 0-based position in the catalogue. */
	order: number;
	title: string;
	summary: string;
	language: string;
	unlock: UnlockMode;
	/** Completion requires presence on every module day (cohort learners only). */
	attendanceRequired: boolean;
	certificate: CertificateMeta | null;
	modules: ModuleMeta[];
}

export interface ModuleMeta {
	/** `<course>/<module>`. */
	id: string;
	courseId: string;
	/** Last part of the ID; also the module part of asset URLs. */
	slug: string;
	/** 0-based position in the course. */
	order: number;
	title: string;
	summary: string | null;
	hours: number | null;
	objectives: string[];
	items: ItemMeta[];
}

interface ItemMetaBase {
	/** `<course>/<module>/<item>`. */
	id: string;
	courseId: string;
	moduleId: string;
	slug: string;
	/** 0-based position in the module. */
	order: number;
	title: string;
}

export interface LessonMeta extends ItemMetaBase {
	type: 'lesson';
	minutes: number | null;
}

export interface QuizMeta extends ItemMetaBase {
	type: 'quiz';
	passPercent: number;
	attempts: number | 'unlimited';
	shuffle: boolean;
	draw: number | null;
	/** Correct answers on the result page: true once passed or out of attempts, 'always', false. */
	showAnswers: boolean | 'always';
	/** Questions per attempt: `draw` if set, else all questions. */
	questionCount: number;
}

export interface AssignmentFileRules {
	types: UploadFileType[];
	maxMB: number;
}

export interface RubricCriterion {
	id: string;
	label: string;
}

export interface AssignmentMeta extends ItemMetaBase {
	type: 'assignment';
	submission: SubmissionKind[];
	/** Set exactly when `submission` allows files. */
	files: AssignmentFileRules | null;
	rubric: RubricCriterion[];
	required: boolean;
}

export type ItemMeta = LessonMeta | QuizMeta | AssignmentMeta;

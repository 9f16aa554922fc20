/**
 * Course structure as the platform shows it. Safe for the browser: it carries no quiz answers,
 * gap solutions, matches or orders (those live in `$lib/server/content/quiz-types`).
 */

export type ItemType = 'lesson' | 'quiz' | 'assignment';
export type UnlockMode = 'sequential' | 'open';
export type CertificateKind = 'zertifikat' | 'teilnahmebestaetigung';
/** What a course leads to, as its pages name it: `either` while criteria will decide. */
export type CourseDocument = CertificateKind | 'either';
export type SubmissionKind = 'text' | 'file';
export type UploadFileType = 'pdf' | 'docx' | 'odt' | 'jpg' | 'png' | 'mp3' | 'm4a';

/** How Unterrichtseinheiten (UE) are made up; the parts add up to the total. */
export interface HoursSplit {
	online: number;
	inPerson: number;
	practice: number;
}

/** What a learner needs for the Zertifikat; whoever misses it gets a Teilnahmebestätigung. */
export interface CertificateCriteria {
	/** Share of the cohort's recorded in-person days the learner attended, 1–100. */
	minAttendancePercent: number | null;
	/** Every required practice assignment of the course accepted. */
	requiredAssignmentsAccepted: boolean;
}

export interface CertificateMeta {
	kind: CertificateKind;
	title: string;
	/** Unterrichtseinheiten (UE) printed on the certificate. */
	hours: number;
	hoursSplit: HoursSplit | null;
	/** Only for kind `zertifikat`; null: every certificate is of `kind`. */
	criteria: CertificateCriteria | null;
}

/** Review dates of a text (`YYYY-MM`), inherited from module and course where not set. */
export interface ReviewInfo {
	stand: string | null;
	verantwortlich: string | null;
	naechstePruefung: string | null;
}

export type DownloadFileType = 'pdf' | 'docx' | 'odt';

/** A handout or template beside the Markdown. */
export interface DownloadMeta {
	/** Path inside the module folder, e.g. `vorlagen/widerspruch.docx`. */
	file: string;
	title: string;
	description: string | null;
	type: DownloadFileType;
	/** Files in the module's `trainer/` folder: only trainers of the course and admins get them. */
	trainerOnly: boolean;
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
	review: ReviewInfo;
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
	hoursSplit: HoursSplit | null;
	objectives: string[];
	/** Declared in module.md (learner-visible and trainer-only alike). */
	downloads: DownloadMeta[];
	review: ReviewInfo;
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
	review: ReviewInfo;
}

export interface LessonMeta extends ItemMetaBase {
	type: 'lesson';
	minutes: number | null;
	/** A question for the learner's reflection journal (frontmatter `reflexion`). */
	reflection: string | null;
	downloads: DownloadMeta[];
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

export interface RubricLevel {
	id: string;
	label: string;
	/** What work at this level looks like. */
	description: string | null;
}

export interface RubricCriterion {
	id: string;
	label: string;
	/** Lowest first; empty: rated as met / partly / not yet. */
	levels: RubricLevel[];
	/** Must be rated in every review; other criteria may be left unrated. */
	required: boolean;
}

export interface AssignmentMeta extends ItemMetaBase {
	type: 'assignment';
	submission: SubmissionKind[];
	/** Set exactly when `submission` allows files. */
	files: AssignmentFileRules | null;
	rubric: RubricCriterion[];
	required: boolean;
	downloads: DownloadMeta[];
}

export type ItemMeta = LessonMeta | QuizMeta | AssignmentMeta;

/**
 * A voluntary Praxisaufgabe (`required: false`) never holds a learner back: it is shown and can
 * be done, but module and course are complete without it.
 */
export const countsTowardCompletion = (item: ItemMeta): boolean =>
	!(item.type === 'assignment' && !item.required);

/**
 * Trainer material (`type: trainer`): a module's Trainerleitfaden or the assessment guidance of
 * one practice assignment. Never an item of the module, so learners' pages, progress and
 * navigation cannot reach it; only `$lib/server/course-pages/trainer-material` hands it out.
 */
export interface TrainerMaterialMeta extends ItemMetaBase {
	type: 'trainer';
	/** The practice assignment it helps to assess (same module), or null. */
	assignmentId: string | null;
	downloads: DownloadMeta[];
}

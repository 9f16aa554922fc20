import type {
	AssignmentMeta,
	CertificateMeta,
	CourseMeta,
	ItemMeta,
	RubricCriterion,
	TrainerMaterialMeta
} from '../../content/types';
import type { ParsedFile } from './parse-file';
import type { ProblemList } from './problems';
import type { QuizDefinition } from '$lib/content/quiz-types';
import type { AssignmentFrontmatter, CourseFrontmatter } from './schemas';

type ItemBase = Pick<ItemMeta, 'id' | 'courseId' | 'moduleId' | 'slug' | 'order' | 'review'>;
export type ParsedItem = Exclude<ParsedFile, { kind: 'course' | 'module' | 'trainer' }>;

export function toCertificateMeta(data: CourseFrontmatter['certificate']): CertificateMeta | null {
	if (!data) return null;
	const { kind, title, hours, hoursSplit, criteria } = data;
	return {
		kind,
		title,
		hours,
		hoursSplit: hoursSplit ?? null,
		criteria: criteria
			? {
					minAttendancePercent: criteria.minAttendancePercent ?? null,
					requiredAssignmentsAccepted: criteria.requiredAssignmentsAccepted
				}
			: null
	};
}

const toRubric = (rubric: AssignmentFrontmatter['rubric']): RubricCriterion[] =>
	rubric.map(({ id, label, levels, required }) => ({
		id,
		label,
		required,
		levels: (levels ?? []).map((level) => ({
			id: level.id,
			label: level.label,
			description: level.description ?? null
		}))
	}));

export function toTrainerMaterialMeta(
	parsed: Extract<ParsedFile, { kind: 'trainer' }>,
	base: ItemBase
): TrainerMaterialMeta {
	return {
		...base,
		type: 'trainer',
		title: parsed.data.title,
		assignmentId: parsed.data.assignment ? `${base.moduleId}/${parsed.data.assignment}` : null,
		downloads: parsed.downloads
	};
}

export function toItemMeta(parsed: ParsedItem, base: ItemBase): ItemMeta {
	const title = parsed.data.title;
	if (parsed.kind === 'lesson') {
		return {
			...base,
			type: 'lesson',
			title,
			minutes: parsed.data.minutes ?? null,
			reflection: parsed.data.reflexion ?? null,
			downloads: parsed.downloads
		};
	}
	if (parsed.kind === 'quiz') {
		const { passPercent, attempts, shuffle, draw, showAnswers } = parsed.data;
		return {
			...base,
			type: 'quiz',
			title,
			passPercent,
			attempts,
			shuffle,
			draw: draw ?? null,
			showAnswers,
			questionCount: draw ?? parsed.questions.length
		};
	}
	const { submission, files, rubric, required } = parsed.data;
	const assignment: AssignmentMeta = {
		...base,
		type: 'assignment',
		title,
		submission,
		files: submission.includes('file') ? (files ?? null) : null,
		rubric: toRubric(rubric),
		required,
		downloads: parsed.downloads
	};
	return assignment;
}

export function toQuizDefinition(
	id: string,
	parsed: Extract<ParsedFile, { kind: 'quiz' }>
): QuizDefinition {
	const { title, passPercent, attempts, shuffle, draw, showAnswers } = parsed.data;
	return {
		id,
		title,
		passPercent,
		attempts,
		shuffle,
		showAnswers,
		...(draw !== undefined ? { draw } : {}),
		questions: parsed.questions,
		contentHash: parsed.contentHash
	};
}

/** The certificate's UE should be the sum of the modules' UE; a mismatch is only a warning. */
export function warnHoursMismatch(
	course: CourseMeta,
	parsed: Extract<ParsedFile, { kind: 'course' }>,
	file: string,
	problems: ProblemList
): void {
	if (!course.certificate) return;
	const sum = course.modules.reduce((total, module) => total + (module.hours ?? 0), 0);
	if (sum !== course.certificate.hours) {
		problems.warning(
			file,
			parsed.lineOf(['certificate', 'hours']),
			`Die Summe der Modul-UE (${sum}) weicht von den UE des Zertifikats (${course.certificate.hours}) ab.`
		);
	}
}

import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { DownloadMeta } from '../../content/types';
import { rewriteRelativeUrl } from '../../content/asset-url.js';
import { checkBody, type BodyContext } from './body-checks';
import { checkDownloads, type DownloadContext } from './download-rules';
import { readFrontmatter, validateFrontmatter, type Frontmatter } from './frontmatter';
import { checkCertificateCriteria, checkSplitSum } from './hours-rules';
import { classifyContentPath } from './layout.js';
import { lineFinder, parseMarkdown } from './markdown';
import { ProblemList, type ContentProblem } from './problems';
import { parseQuizBody } from './quiz';
import type { QuizQuestion } from '$lib/content/quiz-types';
import { checkReviewDates } from './review-dates';
import { warnTemplatePrompts } from './template-prompts';
import {
	assignmentSchema,
	courseSchema,
	ITEM_TYPES,
	lessonSchema,
	moduleSchema,
	quizSchema,
	trainerSchema,
	type AssignmentFrontmatter,
	type CourseFrontmatter,
	type DownloadFrontmatter,
	type LessonFrontmatter,
	type ModuleFrontmatter,
	type QuizFrontmatter,
	type ReviewFrontmatter,
	type TrainerFrontmatter
} from './schemas';

const UNSHOWN_TEXT =
	'Text unter den Angaben im Kopf wird nicht angezeigt: Kurs- und Modulseiten zeigen nur title, summary und die übrigen Angaben. Einführende Texte gehören in eine Lektion.';

type Parsed<Kind extends string, Data> = {
	kind: Kind;
	data: Data;
	/** Line of a frontmatter key, e.g. `lineOf(['certificate', 'hours'])`. */
	lineOf: Frontmatter['lineOf'];
	/** The valid `downloads` (always empty for courses and quizzes). */
	downloads: DownloadMeta[];
};

export type ParsedFile =
	| Parsed<'course', CourseFrontmatter>
	| Parsed<'module', ModuleFrontmatter>
	| Parsed<'lesson', LessonFrontmatter>
	| (Parsed<'quiz', QuizFrontmatter> & { questions: QuizQuestion[]; contentHash: string })
	| Parsed<'assignment', AssignmentFrontmatter>
	| Parsed<'trainer', TrainerFrontmatter>;

export interface FileContext {
	/** Paths of the files in the module folder; null skips the link-target check. */
	assets?: ReadonlySet<string> | null;
	/** File names of the module's Markdown items. */
	itemFiles?: ReadonlySet<string>;
	/** Where relative links in quiz HTML point to; without it they stay as written. */
	assetBase?: { courseId: string; moduleSlug: string };
	/** The day overdue reviews are measured against; default now. */
	today?: Date;
	onDownload?: DownloadContext['onDownload'];
}

/** Parses one content file on its own; the index builder uses `parseFileInto`. */
export function parseContentFile(
	path: string,
	raw: string,
	context: FileContext = {}
): { parsed: ParsedFile | null; errors: ContentProblem[]; warnings: ContentProblem[] } {
	const problems = new ProblemList();
	const parsed = parseFileInto(problems, path, raw, context);
	return { parsed, errors: problems.errors, warnings: problems.warnings };
}

export function parseFileInto(
	problems: ProblemList,
	path: string,
	raw: string,
	context: FileContext = {}
): ParsedFile | null {
	const location = classifyContentPath(path);
	const tree = parseMarkdown(raw);
	const frontmatter = readFrontmatter(tree, path, problems);
	const lineOf = frontmatter.lineOf;
	warnTemplatePrompts(raw, frontmatter, path, problems);
	const body = (kind: BodyContext['kind']) =>
		checkBody(tree, {
			file: path,
			kind,
			fromDir: '',
			assets: context.assets ?? null,
			itemFiles: context.itemFiles ?? new Set(),
			problems
		});
	// Rules every file shares once its frontmatter is valid: review dates and downloads.
	const shared = <Data extends ReviewFrontmatter & { downloads?: DownloadFrontmatter[] }>(
		data: Data,
		learnerFacing: boolean
	) => {
		checkReviewDates(data, lineOf, path, problems, context.today ?? new Date());
		const downloads = checkDownloads(data.downloads ?? [], {
			file: path,
			learnerFacing,
			assets: context.assets ?? null,
			lineOf,
			problems,
			onDownload: context.onDownload
		});
		return { data, lineOf, downloads };
	};

	// Course and module pages show only their frontmatter: text below it would be lost on readers.
	const warnUnshownText = () => {
		const text = tree.children.find((node) => node.type !== 'yaml');
		if (text) problems.warning(path, text.position?.start.line ?? 1, UNSHOWN_TEXT);
	};
	if (location.kind === 'course') {
		body('course');
		warnUnshownText();
		const data = validateFrontmatter(courseSchema, frontmatter, path, problems);
		if (!data) return null;
		checkSplitSum(
			data.certificate?.hoursSplit,
			data.certificate?.hours,
			{ path: ['certificate', 'hoursSplit'], totalKey: 'certificate.hours', lineOf },
			path,
			problems
		);
		checkCertificateCriteria(data, lineOf, path, problems);
		return { kind: 'course', ...shared(data, true) };
	}
	if (location.kind === 'module') {
		body('module');
		warnUnshownText();
		const data = validateFrontmatter(moduleSchema, frontmatter, path, problems);
		if (!data) return null;
		checkSplitSum(
			data.hoursSplit,
			data.hours,
			{ path: ['hoursSplit'], totalKey: 'hours', lineOf },
			path,
			problems
		);
		// module.md may list trainer-only downloads: the module page shows them only to trainers.
		return { kind: 'module', ...shared(data, false) };
	}
	if (location.kind !== 'item') {
		problems.error(
			path,
			1,
			'Diese Datei passt nicht in den Aufbau courses/<kurs>/course.md, courses/<kurs>/<modul>/module.md oder courses/<kurs>/<modul>/<eintrag>.md.'
		);
		return null;
	}

	const type = itemType(frontmatter, path, problems);
	if (type === null) return null;
	body(type);
	if (type === 'lesson') {
		const data = validateFrontmatter(lessonSchema, frontmatter, path, problems);
		return data && { kind: 'lesson', ...shared(data, true) };
	}
	if (type === 'trainer') {
		const data = validateFrontmatter(trainerSchema, frontmatter, path, problems);
		return data && { kind: 'trainer', ...shared(data, false) };
	}
	if (type === 'assignment') {
		const data = validateFrontmatter(assignmentSchema, frontmatter, path, problems);
		if (data) checkAssignment(data, frontmatter, path, problems);
		return data && { kind: 'assignment', ...shared(data, true) };
	}
	const data = validateFrontmatter(quizSchema, frontmatter, path, problems);
	const questions = parseQuiz(tree, raw, path, problems, context);
	if (!data) return null;
	if (data.draw !== undefined && data.draw > questions.length) {
		problems.error(
			path,
			frontmatter.lineOf(['draw']),
			`„draw“ (${data.draw}) ist größer als die Zahl der Fragen (${questions.length}).`
		);
	}
	const contentHash = createHash('sha256').update(raw).digest('hex');
	return { kind: 'quiz', ...shared(data, true), questions, contentHash };
}

function itemType(
	frontmatter: Frontmatter,
	path: string,
	problems: ProblemList
): (typeof ITEM_TYPES)[number] | null {
	const data = frontmatter.data as Record<string, unknown> | null;
	const type = data && typeof data === 'object' ? data.type : undefined;
	if (type === undefined) return 'lesson';
	if ((ITEM_TYPES as readonly unknown[]).includes(type)) return type as (typeof ITEM_TYPES)[number];
	problems.error(
		path,
		frontmatter.lineOf(['type']),
		`„type“ hat den ungültigen Wert „${String(type)}“; erlaubt: ${ITEM_TYPES.join(', ')}.`
	);
	return null;
}

function parseQuiz(
	tree: Root,
	raw: string,
	path: string,
	problems: ProblemList,
	context: FileContext
): QuizQuestion[] {
	const base = context.assetBase;
	return parseQuizBody({
		tree,
		raw,
		file: path,
		problems,
		lineAt: lineFinder(raw),
		rewriteUrl: base ? (url) => rewriteRelativeUrl(url, { ...base, fromDir: '' }) : undefined
	});
}

function checkAssignment(
	data: AssignmentFrontmatter,
	frontmatter: Frontmatter,
	path: string,
	problems: ProblemList
): void {
	const kinds = new Set<string>();
	data.submission.forEach((kind, index) => {
		if (kinds.has(kind)) {
			problems.error(path, frontmatter.lineOf(['submission', index]), `„submission“ enthält „${kind}“ doppelt.`);
		}
		kinds.add(kind);
	});
	if (kinds.has('file') && !data.files) {
		problems.error(
			path,
			frontmatter.lineOf(['submission']),
			'Pflichtangabe „files“ fehlt: „submission“ erlaubt Dateien.'
		);
	}
	if (!kinds.has('file') && data.files) {
		problems.warning(
			path,
			frontmatter.lineOf(['files']),
			'„files“ wird ignoriert, weil „submission“ keine Dateien erlaubt.'
		);
	}
	const ids = new Set<string>();
	data.rubric.forEach((criterion, index) => {
		if (ids.has(criterion.id)) {
			problems.error(
				path,
				frontmatter.lineOf(['rubric', index, 'id']),
				`Doppelte Kriterien-ID „${criterion.id}“ in „rubric“.`
			);
		}
		ids.add(criterion.id);
		checkRubricLevels(criterion, index, frontmatter, path, problems);
	});
}

function checkRubricLevels(
	criterion: AssignmentFrontmatter['rubric'][number],
	index: number,
	frontmatter: Frontmatter,
	path: string,
	problems: ProblemList
): void {
	const { levels } = criterion;
	if (!levels) return;
	if (levels.length < 2) {
		problems.error(
			path,
			frontmatter.lineOf(['rubric', index, 'levels']),
			`Das Kriterium „${criterion.id}“ braucht mindestens zwei Stufen in „levels“.`
		);
	}
	const levelIds = new Set<string>();
	levels.forEach((level, levelIndex) => {
		if (levelIds.has(level.id)) {
			problems.error(
				path,
				frontmatter.lineOf(['rubric', index, 'levels', levelIndex, 'id']),
				`Doppelte Stufen-ID „${level.id}“ im Kriterium „${criterion.id}“.`
			);
		}
		levelIds.add(level.id);
	});
}

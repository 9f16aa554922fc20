import type {
	CourseMeta,
	DownloadFileType,
	ItemMeta,
	ModuleMeta,
	TrainerMaterialMeta
} from '../../content/types';
import type { ContentProblem } from './problems';
import type { QuizDefinition } from '$lib/content/quiz-types';

// The shapes going into and coming out of `buildContentIndex`.

export interface ContentSource {
	/** Path relative to the content folder, e.g. `courses/01-lotsen/01-start/01-willkommen.md`. */
	path: string;
	raw: string;
}

export interface BuildOptions {
	/** Paths (relative to the content folder) of the files that are not course, module or item
	 * Markdown, e.g. images; null or missing skips the check that link targets exist. */
	assets?: readonly string[] | null;
	/** The day overdue content reviews are measured against; default now. */
	today?: Date;
	/** Told about every valid download, for checks that read the file (see download-files). */
	onDownload?: (download: DownloadDeclaration) => void;
}

/** A download as declared: where (file and line) and which file (relative to the content folder). */
export interface DownloadDeclaration {
	file: string;
	line: number;
	path: string;
	type: DownloadFileType;
}

/** Where a module's files live, for serving assets. */
export interface ModuleLocation {
	courseDir: string;
	moduleDir: string;
}

export interface ContentIndex {
	/** In catalogue order, each with its modules and items in order. */
	courses: CourseMeta[];
	courseById: Map<string, CourseMeta>;
	moduleById: Map<string, ModuleMeta>;
	itemById: Map<string, ItemMeta>;
	quizById: Map<string, QuizDefinition>;
	moduleLocationById: Map<string, ModuleLocation>;
	/** Item ID → path of its Markdown file (relative to the content folder). */
	itemPathById: Map<string, string>;
	/** Trainer material, kept apart from the items so no learner-facing code walks over it. */
	trainerMaterialById: Map<string, TrainerMaterialMeta>;
	/** Module ID → its trainer material in order. */
	trainerMaterialByModule: Map<string, TrainerMaterialMeta[]>;
	/** Trainer material ID → path of its Markdown file. */
	trainerMaterialPathById: Map<string, string>;
}

export interface BuildResult {
	index: ContentIndex;
	errors: ContentProblem[];
	warnings: ContentProblem[];
}

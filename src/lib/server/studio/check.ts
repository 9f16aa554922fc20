import { contentDir } from '../config/paths';
import { isIncludedText, isPageMarkdown, readGlossarySource } from '../content/disk';
import { prepareContent } from '../content/prepare';
import type { ContentProblem } from '../content/problems';
import type { ContentVersion } from '../content';

// The checker run over an author's workspace: the same rules `content:check` and a reload
// apply, on the course as the author would publish it.

export interface WorkspaceCheck {
	errors: ContentProblem[];
	warnings: ContentProblem[];
	/** The course built from the workspace, for previews; null while it has errors. */
	version: ContentVersion | null;
}

export function checkFiles(files: ReadonlyMap<string, Buffer>): WorkspaceCheck {
	const dir = contentDir();
	const paths = [...files.keys()].sort();
	const text = (path: string) => files.get(path)?.toString('utf8') ?? '';
	const result = prepareContent({
		dir,
		files: paths.filter(isPageMarkdown).map((path) => ({ path, raw: text(path) })),
		assets: paths.filter((path) => !isPageMarkdown(path)),
		texts: new Map(
			paths.filter((p) => !isPageMarkdown(p) && isIncludedText(p)).map((p) => [p, text(p)])
		),
		glossary: readGlossarySource(dir)
	});
	return result.ok
		? { errors: [], warnings: [...result.version.warnings], version: result.version }
		: { errors: result.errors, warnings: result.warnings, version: null };
}

export const problemsIn = (problems: readonly ContentProblem[], path: string) =>
	problems.filter((problem) => problem.file === path);

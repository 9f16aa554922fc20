import { createHash } from 'node:crypto';
import { BoundedMap } from '../../bounded-map';
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

/**
 * Checks by content: a course whose files did not change is not parsed again (opening the
 * studio checks every course the author may edit). A few recent results are enough.
 */
const RECENT_CHECKS = 24;
const recentChecks = new BoundedMap<string, WorkspaceCheck>(RECENT_CHECKS);

function keyOf(dir: string, paths: readonly string[], files: ReadonlyMap<string, Buffer>): string {
	// The date too: overdue reviews (naechstePruefung) are warnings from one day to the next.
	const hash = createHash('sha256').update(dir).update(new Date().toDateString()).update('\0');
	hash.update(readGlossarySource(dir)?.raw ?? '').update('\0');
	for (const path of paths) hash.update(path).update('\0').update(files.get(path)!).update('\0');
	return hash.digest('hex');
}

export function checkFiles(files: ReadonlyMap<string, Buffer>): WorkspaceCheck {
	const dir = contentDir();
	const paths = [...files.keys()].sort();
	const key = keyOf(dir, paths, files);
	const known = recentChecks.get(key);
	if (known) return known;
	const checked = runCheck(dir, paths, files);
	recentChecks.set(key, checked);
	return checked;
}

function runCheck(
	dir: string,
	paths: string[],
	files: ReadonlyMap<string, Buffer>
): WorkspaceCheck {
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

/** A problem found in the content, in German, pointing at a file and a line (1-based). */
export interface ContentProblem {
	file: string;
	line: number;
	message: string;
}

/** Collects errors (the check fails) and warnings (the check reports, but passes). */
export class ProblemList {
	readonly errors: ContentProblem[] = [];
	readonly warnings: ContentProblem[] = [];

	error(file: string, line: number, message: string): void {
		this.errors.push({ file, line, message });
	}

	warning(file: string, line: number, message: string): void {
		this.warnings.push({ file, line, message });
	}
}

/** Sorts problems by file, then line, so the report reads top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
	return [...problems].sort((a, b) =>
		a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1
	);
}

export function formatProblem(problem: ContentProblem, pathPrefix = ''): string {
	return `${pathPrefix}${problem.file}:${problem.line}: ${problem.message}`;
}

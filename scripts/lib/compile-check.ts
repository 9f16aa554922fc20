import { join } from 'node:path';
import { mdsvex } from 'mdsvex';
import { compile, preprocess } from 'svelte/compiler';
import type { ContentSource } from '../../src/lib/server/content/build-index';
import {
	contentMdsvexOptions,
	contentPreprocessor
} from '../../src/lib/server/content/mdsvex-preprocess.js';
import type { ContentProblem } from '../../src/lib/server/content/problems';

/**
 * Compiles every page as the build will (preprocessor, mdsvex, Svelte), so HTML that Svelte
 * rejects (an unclosed tag, a stray `{`) fails the check instead of the build.
 */
export async function compileProblems(
	contentRoot: string,
	files: readonly ContentSource[]
): Promise<ContentProblem[]> {
	const preprocessors = [
		contentPreprocessor({ contentRoot }),
		mdsvex(contentMdsvexOptions({ contentRoot }))
	];
	const problems: ContentProblem[] = [];
	for (const { path, raw } of files) {
		const filename = join(contentRoot, path);
		try {
			const { code } = await preprocess(raw, preprocessors, { filename });
			compile(code, { filename, generate: 'server' });
		} catch (error) {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			problems.push({
				file: path,
				line: 1,
				message: `Die Seite lässt sich nicht übersetzen (HTML oder Komponenten prüfen): ${message}`
			});
		}
	}
	return problems;
}

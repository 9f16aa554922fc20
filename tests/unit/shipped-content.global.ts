import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { readContentSnapshot } from '../../src/lib/server/content/disk';
import { prepareContent } from '../../src/lib/server/content/prepare';

// Many unit tests work with the shipped courses. Checking them takes seconds (every file is
// parsed), so it happens once per run here instead of once per test file; each test file
// then starts with this version live (shipped-content.setup.ts). Built by the same code under
// test, so nothing is stale.

declare module 'vitest' {
	export interface ProvidedContext {
		shippedContent: Uint8Array;
	}
}

export default function setup(project: TestProject) {
	const snapshot = readContentSnapshot('content');
	if (!snapshot) throw new Error('content/courses fehlt');
	const result = prepareContent(snapshot);
	if (!result.ok) {
		throw new Error(
			result.errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n')
		);
	}
	project.provide('shippedContent', new Uint8Array(serialize(result.version)));
}

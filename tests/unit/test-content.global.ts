import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { readContentSnapshot } from '../../src/lib/server/content/disk';
import { prepareContent } from '../../src/lib/server/content/prepare';

// Unit tests work with the frozen fixture courses in tests/fixtures/catalogue, so editing a
// shipped course cannot break them; the few tests about the shipped product itself (the demo
// data) use the shipped courses. Checking a catalogue takes seconds (every file is parsed), so
// it happens once per run here instead of once per test file (test-content.setup.ts).

declare module 'vitest' {
	export interface ProvidedContext {
		fixtureContent: Uint8Array;
		shippedContent: Uint8Array;
	}
}

const FIXTURE_CATALOGUE = 'tests/fixtures/catalogue';

function checkedVersion(dir: string): Uint8Array {
	const snapshot = readContentSnapshot(dir);
	if (!snapshot) throw new Error(`${dir}/courses fehlt`);
	const result = prepareContent(snapshot);
	if (!result.ok) {
		throw new Error(
			result.errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n')
		);
	}
	return new Uint8Array(serialize(result.version));
}

export default function setup(project: TestProject) {
	project.provide('fixtureContent', checkedVersion(FIXTURE_CATALOGUE));
	project.provide('shippedContent', checkedVersion('content'));
}

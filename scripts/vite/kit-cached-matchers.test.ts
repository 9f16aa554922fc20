import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_MATCHERS_ONCE, importMatchersOnce, isKitServerModule } from './kit-cached-matchers';

const SERVER_MODULE = 'node_modules/@sveltejs/kit/src/runtime/server/index.js';
const installed = readFileSync(SERVER_MODULE, 'utf8');

type Matchers = Record<string, (param: string) => boolean>;

/** A manifest whose matchers count how often they are imported. */
function countingManifest() {
	const imports = { count: 0 };
	const manifest = {
		_: {
			matchers: async (): Promise<Matchers> => {
				imports.count += 1;
				return { id: (param) => /^[a-z2-7]{16}$/.test(param) };
			}
		}
	};
	return { manifest, imports };
}

describe('param matchers imported once by the built server', () => {
	it('edits the installed SvelteKit server module right after it keeps the manifest', () => {
		const edited = importMatchersOnce(installed);
		expect(edited).toContain(`this.#manifest = manifest;\n${IMPORT_MATCHERS_ONCE}`);
		expect(isKitServerModule(`/x/node_modules${SERVER_MODULE.slice(12)}?v=1`)).toBe(true);
		expect(isKitServerModule('/x/src/hooks.server.ts')).toBe(false);
	});

	it('imports the matchers on the first request and answers every later one with them', async () => {
		const { manifest, imports } = countingManifest();
		new Function('manifest', IMPORT_MATCHERS_ONCE)(manifest);
		const answers = await Promise.all([1, 2, 3].map(() => manifest._.matchers()));
		const later = await manifest._.matchers();
		expect(imports.count).toBe(1);
		expect(answers.every((matchers) => matchers === later)).toBe(true);
		expect([later.id!('abcdefghijklmnop'), later.id!('../etc/passwd')]).toEqual([true, false]);
	});

	it('stops the build when SvelteKit keeps the manifest differently', () => {
		const changed = installed.replace('this.#manifest = manifest;', 'this.#manifest = m;');
		expect(() => importMatchersOnce(changed)).toThrow(/has changed/);
	});
});

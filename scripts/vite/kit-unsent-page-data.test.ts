import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDITED_FILES, editKitSource } from './kit-unsent-page-data';

const installed = (file: string) => join('node_modules', file);
const [SERIALIZER, RENDERER] = EDITED_FILES as [string, string];

interface Serializer {
	add_node(index: number, node: { type: 'data'; data: unknown; uses?: undefined } | null): void;
	get_data(csp: { script_needs_nonce: boolean }): { data: string; chunks: unknown };
}
type Factory = (event: unknown, state: unknown, options: unknown) => Serializer;

/**
 * The installed serialiser module, edited or not, loaded from a copy whose relative imports
 * point back into SvelteKit (the copy sits in node_modules so that `devalue` resolves).
 */
async function serializerModule(edited: boolean): Promise<Factory> {
	const original = resolve(installed(SERIALIZER));
	const source = readFileSync(original, 'utf8');
	const code = (edited ? editKitSource(source, original) : source).replace(
		/from '(\.{1,2}\/[^']+)'/g,
		(_, relative: string) => `from '${pathToFileURL(resolve(dirname(original), relative)).href}'`
	);
	const copy = resolve(`node_modules/.cache/kit-unsent-page-data/${edited}-${Date.now()}.js`);
	mkdirSync(dirname(copy), { recursive: true });
	writeFileSync(copy, code);
	Reflect.set(globalThis, '__SVELTEKIT_DEV__', false);
	const module = (await import(pathToFileURL(copy).href)) as { server_data_serializer: Factory };
	return module.server_data_serializer;
}

function serializer(factory: Factory): Serializer {
	return factory({ route: { id: '/' } }, {}, { version_hash: 'test', hooks: { transport: {} } });
}

const csp = { script_needs_nonce: false };

describe('SvelteKit serialises page data only when it sends it', () => {
	it('the edits fit the installed SvelteKit', () => {
		for (const file of EDITED_FILES) {
			const source = readFileSync(installed(file), 'utf8');
			expect(editKitSource(source, installed(file))).not.toBe(source);
		}
	});

	it('serialises a page node when its data is asked for, not when it is added', async () => {
		const lazy = serializer(await serializerModule(true));
		const eager = serializer(await serializerModule(false));
		const unserialisable = { type: 'data' as const, data: { callback: () => 1 } };
		expect(() => eager.add_node(0, unserialisable)).toThrow(/serial/i);
		expect(() => lazy.add_node(0, unserialisable)).not.toThrow();
		expect(() => lazy.get_data(csp)).toThrow(/serial/i);
	});

	it('gives the same data as SvelteKit itself when asked', async () => {
		const node = { type: 'data' as const, data: { html: '<p>„Text“</p>', list: [1, 2] } };
		const results = await Promise.all(
			[true, false].map(async (edited) => {
				const instance = serializer(await serializerModule(edited));
				instance.add_node(0, node);
				instance.add_node(1, null);
				return instance.get_data(csp);
			})
		);
		expect(results[0]).toEqual(results[1]);
		expect(results[0]!.data).toContain('„Text“');
	});

	it('renders without asking for the data when the page has no client-side rendering', () => {
		const source = readFileSync(installed(RENDERER), 'utf8');
		const edited = editKitSource(source, installed(RENDERER));
		expect(edited).toMatch(/page_config\.csr\s*\?\s*data_serializer\.get_data\(csp\)/);
	});

	it('stops the build when SvelteKit changes a spot it edits', () => {
		const source = readFileSync(installed(SERIALIZER), 'utf8');
		expect(() =>
			editKitSource(source.replace('devalue.uneval(payload', 'devalue.uneval( payload'), SERIALIZER)
		).toThrow(/has changed/);
	});
});

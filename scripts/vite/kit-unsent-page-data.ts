import type { Plugin } from 'vite';

// SvelteKit serialises every page's server data into the HTML for hydration, also for pages with
// `csr = false`, which send no script and throw the result away (SvelteKit 2.70 and 3.2). For a
// lesson that was about a fifth of the server's CPU per page. These two edits serialise the data
// when the page is rendered with client-side rendering, and only then: the serialiser keeps
// each node until the data is asked for, and the renderer asks only when it sends it. An error
// page inside such a route still hydrates: it is rendered with its layouts' `csr` and asks.
// If SvelteKit changes either spot, the build stops here instead of silently serialising again.

interface Edit {
	file: string;
	from: string;
	to: string;
}

const EDITS: Edit[] = [
	{
		file: '/@sveltejs/kit/src/runtime/server/page/data_serializer.js',
		from: `		add_node(i, node) {
			try {
				if (!node) {
					strings[i] = 'null';
					return;
				}

				/** @type {any} */
				const payload = { type: 'data', data: node.data, uses: serialize_uses(node) };
				if (node.slash) payload.slash = node.slash;

				strings[i] = devalue.uneval(payload, get_replacer(i));
			} catch (e) {
				// @ts-expect-error
				e.path = e.path.slice(1);
				throw new Error(clarify_devalue_error(event, /** @type {any} */ (e)), { cause: e });
			}
		},`,
		to: `		add_node(i, node) {
			if (!node) {
				strings[i] = 'null';
				return;
			}

			/** @type {any} */
			const payload = { type: 'data', data: node.data, uses: serialize_uses(node) };
			if (node.slash) payload.slash = node.slash;

			strings[i] = () => {
				try {
					return devalue.uneval(payload, get_replacer(i));
				} catch (e) {
					// @ts-expect-error
					e.path = e.path.slice(1);
					throw new Error(clarify_devalue_error(event, /** @type {any} */ (e)), { cause: e });
				}
			};
		},`
	},
	{
		file: '/@sveltejs/kit/src/runtime/server/page/data_serializer.js',
		from: `				data: \`[\${compact(max_nodes > -1 ? strings.slice(0, max_nodes) : strings).join(',')}]\`,`,
		to: `				data: \`[\${compact(max_nodes > -1 ? strings.slice(0, max_nodes) : strings)
					.map((string) => (typeof string === 'function' ? string() : string))
					.join(',')}]\`,`
	},
	{
		file: '/@sveltejs/kit/src/runtime/server/page/render.js',
		from: `	const { data, chunks } = data_serializer.get_data(csp);`,
		to: `	const { data, chunks } = page_config.csr
		? data_serializer.get_data(csp)
		: { data: '[]', chunks: null };`
	}
];

/** The edits for the module with this id (none for every other module). */
function editsFor(id: string): Edit[] {
	const path = id.split('?')[0]!;
	return EDITS.filter((edit) => path.endsWith(edit.file));
}

/** The module's source with the edits for its file applied; throws if one no longer fits. */
export function editKitSource(source: string, id: string): string {
	return editsFor(id).reduce((code, edit) => {
		if (!code.includes(edit.from)) {
			throw new Error(
				`kit-unsent-page-data: ${edit.file} has changed; update scripts/vite/kit-unsent-page-data.ts`
			);
		}
		return code.replace(edit.from, edit.to);
	}, source);
}

/** The files this plugin edits, as they end in a module id. */
export const EDITED_FILES = [...new Set(EDITS.map((edit) => edit.file))];

export function kitUnsentPageData(): Plugin {
	return {
		name: 'kit-unsent-page-data',
		transform(code, id) {
			if (editsFor(id).length === 0) return null;
			return { code: editKitSource(code, id), map: null };
		}
	};
}

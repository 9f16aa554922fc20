/** Values up to this length go into an entry as they are; longer texts are only named. */
const SHORT_TEXT = 200;

const isShort = (value: unknown) =>
	value === null ||
	typeof value === 'number' ||
	typeof value === 'boolean' ||
	(typeof value === 'string' && value.length <= SHORT_TEXT);

export type FieldChanges = {
	/** Every field that differs, then the `alsoChanged` ones (e.g. an uploaded image). */
	changed: string[];
	/** Old and new value of the short ones. */
	values?: Record<string, { from: unknown; to: unknown }>;
};

/**
 * The details of a `settings.changed` entry: which fields a save changed, with old and new value
 * where they are short, so the log answers "who changed what" without a second source.
 */
export function fieldChanges(
	before: object | null,
	after: object,
	alsoChanged: string[] = []
): FieldChanges {
	const old = (before ?? {}) as Record<string, unknown>;
	const changed: string[] = [];
	const values: Record<string, { from: unknown; to: unknown }> = {};
	for (const [field, to] of Object.entries(after)) {
		const from = old[field] ?? '';
		if (from === to) continue;
		changed.push(field);
		if (isShort(from) && isShort(to)) values[field] = { from, to };
	}
	changed.push(...alsoChanged);
	return Object.keys(values).length ? { changed, values } : { changed };
}

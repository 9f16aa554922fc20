import type { Plugin } from 'vite';

// Paraglide's generated registry builds a new Intl.PluralRules for every plural message it
// formats: 4 % of the server's CPU on a lesson page. The rules depend only on the language and
// the options, so this keeps one per pair. If Paraglide changes the function, the build stops
// here instead of silently losing the cache.

const GENERATED = `export function plural(locale, input, options) { 
	return new Intl.PluralRules(locale, options).select(Number(input))
};`;

const CACHED = `const pluralRulesByKey = new Map();

export function plural(locale, input, options) {
	const key = options ? locale + JSON.stringify(options) : locale;
	let rules = pluralRulesByKey.get(key);
	if (!rules) {
		rules = new Intl.PluralRules(locale, options);
		pluralRulesByKey.set(key, rules);
	}
	return rules.select(Number(input));
};`;

/** The registry module's source with plural rules kept per language and options. */
export function cachePluralRules(source: string): string {
	if (!source.includes(GENERATED)) {
		throw new Error(
			'paraglide-cached-plurals: plural() in src/lib/paraglide/registry.js has changed; update scripts/vite/paraglide-cached-plurals.ts'
		);
	}
	return source.replace(GENERATED, CACHED);
}

export function paraglideCachedPlurals(): Plugin {
	return {
		name: 'paraglide-cached-plurals',
		transform(code, id) {
			if (!id.split('?')[0]!.endsWith('/src/lib/paraglide/registry.js')) return null;
			return { code: cachePluralRules(code), map: null };
		}
	};
}

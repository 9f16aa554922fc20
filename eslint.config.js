import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['src/lib/paraglide/**', 'content/**', 'drizzle/**'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint recommends this off: TypeScript itself reports undefined names.
			'no-undef': 'off',
			// The app is served at the root (no paths.base), and plain hrefs keep links working
			// without JavaScript; resolve() would add nothing but noise.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Forms use $lib/enhance, which ignores a second submit while the first is on its way.
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$app/forms',
							importNames: ['enhance'],
							message: "Use enhance from '$lib/enhance' (it ignores double submits)."
						}
					]
				}
			]
		}
	},
	{ files: ['src/lib/enhance.ts'], rules: { 'no-restricted-imports': 'off' } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				// No enabled rule needs type information (svelte-check does the type checking), and
				// building a TypeScript program for every .svelte file made lint take 50 s instead of 15 s.
				projectService: false,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);

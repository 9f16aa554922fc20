import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLargeCourse } from '../lib/large-course';

export interface ContentBuildResult {
	shipped: { checkMs: number; buildMs: number };
	large: { lessons: number; quizzes: number; checkMs: number; buildMs: number };
}

function timed(command: string, args: string[], cwd: string): number {
	const started = performance.now();
	execFileSync(command, args, { cwd, stdio: 'ignore' });
	return Math.round(performance.now() - started);
}

const checkArgs = ['node_modules/.bin/tsx', 'scripts/content-check.ts'];
const buildArgs = ['node_modules/.bin/vite', 'build'];

/** A copy of the project (sharing node_modules) with the generated course added. */
function projectCopyWithLargeCourse() {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-large-'));
	for (const name of [
		'src',
		'content',
		'static',
		'drizzle',
		'scripts',
		'project.inlang',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	]) {
		cpSync(resolve(name), join(dir, name), { recursive: true });
	}
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
	return { dir, ...writeLargeCourse(join(dir, 'content')) };
}

/** Runs last-but-one: it rebuilds `build/` for the shipped content as it measures. */
export function benchContentBuild(): ContentBuildResult {
	const node = process.execPath;
	const shipped = {
		checkMs: timed(node, checkArgs, process.cwd()),
		buildMs: timed(node, buildArgs, process.cwd())
	};
	const copy = projectCopyWithLargeCourse();
	try {
		const large = {
			lessons: copy.lessons,
			quizzes: copy.quizzes,
			checkMs: timed(node, checkArgs, copy.dir),
			buildMs: timed(node, buildArgs, copy.dir)
		};
		return { shipped, large };
	} finally {
		rmSync(copy.dir, { recursive: true, force: true });
	}
}

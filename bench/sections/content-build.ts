import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLargeCourse } from '../lib/large-course';

// Course content is data the server reads at start, not code the build compiles: the build
// time must not grow with the number of lessons. What does grow is the server's work on load
// (check and render every lesson once; see bench/lib/content-load.ts), measured here too.

interface ContentLoad {
	files: number;
	bodies: number;
	readMs: number;
	checkMs: number;
	renderMs: number;
	cpuMs: number;
	cachedLookupUs: number;
}

interface ContentFigures {
	checkMs: number;
	buildMs: number;
	load: ContentLoad;
}

export interface ContentBuildResult {
	shipped: ContentFigures;
	large: ContentFigures & { lessons: number; quizzes: number };
}

function timed(command: string, args: string[], cwd: string): number {
	const started = performance.now();
	execFileSync(command, args, { cwd, stdio: 'ignore' });
	return Math.round(performance.now() - started);
}

const tsx = 'node_modules/.bin/tsx';
const buildArgs = ['node_modules/.bin/vite', 'build'];

function contentLoad(cwd: string): ContentLoad {
	const output = execFileSync(process.execPath, [tsx, 'bench/lib/content-load.ts', 'content'], {
		cwd,
		encoding: 'utf8'
	});
	return JSON.parse(output.trim().split('\n').pop()!) as ContentLoad;
}

function figures(cwd: string): ContentFigures {
	const node = process.execPath;
	return {
		checkMs: timed(node, [tsx, 'scripts/content-check.ts', 'content'], cwd),
		buildMs: timed(node, buildArgs, cwd),
		load: contentLoad(cwd)
	};
}

/** A copy of the project (sharing node_modules) with the generated course added. */
function projectCopyWithLargeCourse() {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-large-'));
	for (const name of [
		'src',
		'content',
		'static',
		'drizzle',
		'scripts',
		'bench',
		'tests',
		'project.inlang',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	]) {
		cpSync(resolve(name), join(dir, name), { recursive: true });
	}
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
	// Writes .svelte-kit/tsconfig.json: the checker's imports resolve `$lib` through it.
	execFileSync(process.execPath, ['node_modules/.bin/svelte-kit', 'sync'], {
		cwd: dir,
		stdio: 'ignore'
	});
	return { dir, ...writeLargeCourse(join(dir, 'content')) };
}

/** Runs last-but-one: it rebuilds `build/` for the shipped content as it measures. */
export function benchContentBuild(): ContentBuildResult {
	const copy = projectCopyWithLargeCourse();
	try {
		const large = { lessons: copy.lessons, quizzes: copy.quizzes, ...figures(copy.dir) };
		// Last, so build/ holds the shipped project for the sections that follow.
		const shipped = figures(process.cwd());
		return { shipped, large };
	} finally {
		rmSync(copy.dir, { recursive: true, force: true });
	}
}

import type {
	CourseMeta,
	DownloadFileType,
	ModuleMeta,
	TrainerMaterialMeta
} from '../../content/types';
import type { Frontmatter } from './frontmatter';
import { DEFAULT_CONTENT_LANGUAGE } from '../../content/language';
import { warnModuleSplits } from './hours-rules';
import {
	toCertificateMeta,
	toItemMeta,
	toQuizDefinition,
	toTrainerMaterialMeta,
	warnHoursMismatch
} from './index-entries';
import { classifyContentPath, compareByOrderPrefix, ID_PATTERN, splitOrderPrefix } from './layout.js';
import { parseFileInto, type ParsedFile } from './parse-file';
import type {
	BuildOptions,
	BuildResult,
	ContentIndex,
	ContentSource
} from './index-types';
import { ProblemList, sortProblems } from './problems';
import { inheritReview } from './review-dates';

export type {
	BuildOptions,
	BuildResult,
	ContentIndex,
	ContentSource,
	DownloadDeclaration,
	ModuleLocation
} from './index-types';

type ModuleFiles = { module?: ContentSource; items: { fileName: string; source: ContentSource }[] };
type CourseFiles = { course?: ContentSource; modules: Map<string, ModuleFiles> };

class IndexBuilder {
	readonly problems = new ProblemList();
	readonly index: ContentIndex = {
		courses: [],
		courseById: new Map(),
		moduleById: new Map(),
		itemById: new Map(),
		quizById: new Map(),
		moduleLocationById: new Map(),
		itemPathById: new Map(),
		trainerMaterialById: new Map(),
		trainerMaterialByModule: new Map(),
		trainerMaterialPathById: new Map()
	};
	private readonly claimed = new Map<string, { path: string; line: number }>();
	private readonly assetsByModule = new Map<string, Set<string>>();
	/** Where each module's frontmatter lives, for course-wide warnings that point at a module. */
	private readonly moduleSources = new Map<string, { file: string; lineOf: Frontmatter['lineOf'] }>();

	constructor(
		private readonly checkAssets: boolean,
		assets: readonly string[],
		private readonly today: Date,
		private readonly onDownload: BuildOptions['onDownload']
	) {
		for (const path of assets) {
			const location = classifyContentPath(path);
			if (location.kind !== 'asset') continue;
			const key = `${location.courseDir}/${location.moduleDir}`;
			this.assetsByModule.set(key, (this.assetsByModule.get(key) ?? new Set()).add(location.modulePath));
		}
	}

	/**
	 * Reserves an ID; a second file with the same ID is an error, reported in both files (either
	 * may be the one whose `id:` or name just changed, and the studio shows a file's own problems).
	 */
	claim(id: string, path: string, line: number): boolean {
		const earlier = this.claimed.get(id);
		if (earlier !== undefined) {
			this.problems.error(path, line, `Doppelte ID „${id}“ (auch in ${earlier.path}).`);
			this.problems.error(earlier.path, earlier.line, `Doppelte ID „${id}“ (auch in ${path}).`);
			return false;
		}
		this.claimed.set(id, { path, line });
		return true;
	}

	slugOf(name: string, path: string, where: string): string {
		const { slug } = splitOrderPrefix(name);
		if (!ID_PATTERN.test(slug)) {
			this.problems.error(
				path,
				1,
				`Der Name „${name}“ ergibt keine gültige ID (erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche): umbenennen oder „id:“ in ${where} setzen.`
			);
		}
		return slug;
	}

	addCourse(courseDir: string, files: CourseFiles): void {
		const source = files.course;
		if (!source) {
			this.problems.error(`courses/${courseDir}`, 1, 'Der Kursordner hat keine course.md.');
		}
		const parsed = source && parseFileInto(this.problems, source.path, source.raw, { today: this.today });
		const data = parsed?.kind === 'course' ? parsed.data : null;
		const id = data?.id ?? (source ? this.slugOf(courseDir, source.path, 'course.md') : courseDir);
		const valid = !!data && this.claim(id, source!.path, parsed!.lineOf(['id']));
		const course: CourseMeta = {
			id,
			order: this.index.courses.length,
			title: data?.title ?? '',
			summary: data?.summary ?? '',
			language: data?.language ?? DEFAULT_CONTENT_LANGUAGE,
			unlock: data?.unlock ?? 'sequential',
			attendanceRequired: data?.attendanceRequired ?? false,
			certificate: toCertificateMeta(data?.certificate),
			review: inheritReview(data ?? {}),
			modules: []
		};
		for (const moduleDir of [...files.modules.keys()].sort(compareByOrderPrefix)) {
			this.addModule(course, valid, courseDir, moduleDir, files.modules.get(moduleDir)!);
		}
		if (!valid || !source || parsed?.kind !== 'course') return;
		if (files.modules.size === 0) this.problems.error(source.path, 1, 'Der Kurs hat keine Module.');
		warnHoursMismatch(course, parsed, source.path, this.problems);
		warnModuleSplits(course, parsed.lineOf, source.path, (id) => this.moduleSources.get(id), this.problems);
		this.index.courses.push(course);
		this.index.courseById.set(id, course);
	}

	private addModule(
		course: CourseMeta,
		courseValid: boolean,
		courseDir: string,
		moduleDir: string,
		files: ModuleFiles
	): void {
		const source = files.module;
		const dirPath = `courses/${courseDir}/${moduleDir}`;
		if (!source) this.problems.error(dirPath, 1, 'Der Modulordner hat keine module.md.');
		const assets = this.checkAssets
			? (this.assetsByModule.get(`${courseDir}/${moduleDir}`) ?? new Set<string>())
			: null;
		const itemFiles = new Set(files.items.map((item) => item.fileName));
		const declared = (file: string) => ({
			assets,
			itemFiles,
			today: this.today,
			onDownload: (download: { line: number; modulePath: string; type: DownloadFileType }) =>
				this.onDownload?.({
					file,
					line: download.line,
					path: `${dirPath}/${download.modulePath}`,
					type: download.type
				})
		});
		const parsed =
			source && parseFileInto(this.problems, source.path, source.raw, declared(source.path));
		const data = parsed?.kind === 'module' ? parsed.data : null;
		const slug = data?.id ?? (source ? this.slugOf(moduleDir, source.path, 'module.md') : moduleDir);
		const id = `${course.id}/${slug}`;
		const valid = courseValid && !!data && this.claim(id, source!.path, parsed!.lineOf(['id']));
		const module: ModuleMeta = {
			id,
			courseId: course.id,
			slug,
			order: course.modules.length,
			title: data?.title ?? '',
			summary: data?.summary ?? null,
			hours: data?.hours ?? null,
			hoursSplit: data?.hoursSplit ?? null,
			objectives: data?.objectives ?? [],
			downloads: parsed?.downloads ?? [],
			review: inheritReview(data ?? {}, course.review),
			items: []
		};
		const trainerMaterial: TrainerMaterialMeta[] = [];
		// Guidance may name an assignment that comes later in the folder: checked after the loop.
		const links: (() => void)[] = [];
		const assetBase = { courseId: course.id, moduleSlug: slug };
		const items = [...files.items].sort((a, b) => compareByOrderPrefix(a.fileName, b.fileName));
		for (const { fileName, source: itemSource } of items) {
			const item = parseFileInto(this.problems, itemSource.path, itemSource.raw, {
				...declared(itemSource.path),
				assetBase
			});
			if (!item || item.kind === 'course' || item.kind === 'module') continue;
			const name = fileName.replace(/\.md$/, '');
			const itemSlug = item.data.id ?? this.slugOf(name, itemSource.path, 'der Datei');
			const itemId = `${id}/${itemSlug}`;
			if (!valid || !this.claim(itemId, itemSource.path, item.lineOf(['id']))) continue;
			const base = {
				id: itemId,
				courseId: course.id,
				moduleId: id,
				slug: itemSlug,
				review: inheritReview(item.data, module.review)
			};
			if (item.kind === 'trainer') {
				const material = toTrainerMaterialMeta(item, { ...base, order: trainerMaterial.length });
				trainerMaterial.push(material);
				this.index.trainerMaterialById.set(itemId, material);
				this.index.trainerMaterialPathById.set(itemId, itemSource.path);
				links.push(() => this.checkAssignmentLink(material, item, module, itemSource.path));
				continue;
			}
			const meta = toItemMeta(item, { ...base, order: module.items.length });
			module.items.push(meta);
			this.index.itemById.set(itemId, meta);
			this.index.itemPathById.set(itemId, itemSource.path);
			if (item.kind === 'quiz') this.index.quizById.set(itemId, toQuizDefinition(itemId, item));
		}
		for (const check of links) check();
		if (!valid) return;
		// Trainer material alone gives learners nothing to work through.
		if (files.items.length === trainerMaterial.length) {
			this.problems.error(
				source!.path,
				1,
				'Das Modul hat keine Einträge (Lektionen, Quizze oder Aufgaben).'
			);
		}
		this.moduleSources.set(id, { file: source!.path, lineOf: parsed!.lineOf });
		this.index.trainerMaterialByModule.set(id, trainerMaterial);
		course.modules.push(module);
		this.index.moduleById.set(id, module);
		this.index.moduleLocationById.set(id, { courseDir, moduleDir });
	}

	/** Assessment guidance names a practice assignment of its own module. */
	private checkAssignmentLink(
		material: TrainerMaterialMeta,
		parsed: Extract<ParsedFile, { kind: 'trainer' }>,
		module: ModuleMeta,
		path: string
	): void {
		if (!material.assignmentId) return;
		const target = module.items.find((item) => item.id === material.assignmentId);
		if (target?.type === 'assignment') return;
		this.problems.error(
			path,
			parsed.lineOf(['assignment']),
			`„assignment“ nennt „${parsed.data.assignment}“, aber das Modul hat keine Praxisaufgabe mit dieser ID.`
		);
	}
}

/** Builds the course index from the Markdown files; pure, so the check and the app share it. */
export function buildContentIndex(
	files: readonly ContentSource[],
	options: BuildOptions = {}
): BuildResult {
	const builder = new IndexBuilder(
		!!options.assets,
		options.assets ?? [],
		options.today ?? new Date(),
		options.onDownload
	);
	const courses = new Map<string, CourseFiles>();
	for (const source of files) {
		const location = classifyContentPath(source.path);
		// Markdown in a module's subfolder is a file to link to (a transcript), not a page.
		if (location.kind === 'asset') continue;
		if (location.kind === 'stray') {
			parseFileInto(builder.problems, source.path, source.raw);
			continue;
		}
		const course: CourseFiles = courses.get(location.courseDir) ?? { modules: new Map() };
		courses.set(location.courseDir, course);
		if (location.kind === 'course') {
			course.course = source;
			continue;
		}
		const module: ModuleFiles = course.modules.get(location.moduleDir) ?? { items: [] };
		course.modules.set(location.moduleDir, module);
		if (location.kind === 'module') module.module = source;
		else module.items.push({ fileName: location.fileName, source });
	}
	for (const courseDir of [...courses.keys()].sort(compareByOrderPrefix)) {
		builder.addCourse(courseDir, courses.get(courseDir)!);
	}
	return {
		index: builder.index,
		errors: sortProblems(builder.problems.errors),
		warnings: sortProblems(builder.problems.warnings)
	};
}

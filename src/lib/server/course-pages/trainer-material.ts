import type { AssignmentMeta, ModuleMeta, TrainerMaterialMeta } from '$lib/content/types';
import type {
	AssessmentGuidance,
	TrainerMaterialLink,
	TrainerMaterialView,
	TrainerSection
} from '$lib/content/views';
import { assignmentUrl, courseUrl, moduleUrl, trainerMaterialUrl } from '$lib/urls';
import type { SessionUser } from '../auth/session';
import { isCourseTrainer } from '../cohorts/access';
import {
	getCourse,
	getItem,
	getModule,
	getTrainerMaterial,
	listTrainerMaterial,
	renderTrainerMaterial
} from '../content';
import { isTrainerOnlyPath } from '../content/download-rules';
import { downloadRows } from '../content/downloads-view';

// The one door to trainer material: every function checks that the viewer trains the course
// (or is an admin). Learners, and trainers of other courses, get nothing, as if it did not exist.

export const canSeeTrainerMaterial = (user: SessionUser, courseId: string) =>
	isCourseTrainer(user, courseId);

/** Files in a module's trainer/ folder: only for trainers of the course and admins. */
export function canFetchModuleFile(user: SessionUser, courseId: string, modulePath: string) {
	return !isTrainerOnlyPath(modulePath) || canSeeTrainerMaterial(user, courseId);
}

function toLink(material: TrainerMaterialMeta): TrainerMaterialLink {
	const assignment = material.assignmentId ? getItem(material.assignmentId) : undefined;
	return {
		id: material.id,
		title: material.title,
		url: trainerMaterialUrl(material.id),
		assignment: assignment ? { title: assignment.title, url: assignmentUrl(assignment.id) } : null
	};
}

/** The module page's section for trainers; null for everyone else. */
export function trainerSection(user: SessionUser, module: ModuleMeta): TrainerSection | null {
	if (!canSeeTrainerMaterial(user, module.courseId)) return null;
	const trainerFiles = module.downloads.filter((download) => download.trainerOnly);
	return {
		materials: listTrainerMaterial(module.id).map(toLink),
		downloads: downloadRows(module.courseId, module.slug, trainerFiles)
	};
}

export function trainerMaterialView(
	user: SessionUser,
	id: string
): TrainerMaterialView | undefined {
	const material = getTrainerMaterial(id);
	const module = material && getModule(material.moduleId);
	const course = material && getCourse(material.courseId);
	if (!material || !module || !course || !canSeeTrainerMaterial(user, course.id)) return undefined;
	const rendered = renderTrainerMaterial(material.id);
	if (!rendered) return undefined;
	return {
		course: { id: course.id, title: course.title, url: courseUrl(course.id) },
		module: { id: module.id, title: module.title, url: moduleUrl(module.id) },
		material: toLink(material),
		html: rendered.html,
		downloads: downloadRows(course.id, module.slug, material.downloads),
		review: material.review
	};
}

/** The guidance written for an assignment, for the reviewer of a submission. */
export function assessmentGuidance(
	user: SessionUser,
	assignment: AssignmentMeta
): AssessmentGuidance[] {
	if (!canSeeTrainerMaterial(user, assignment.courseId)) return [];
	const linked = listTrainerMaterial(assignment.moduleId).filter(
		(material) => material.assignmentId === assignment.id
	);
	const guidance: AssessmentGuidance[] = [];
	for (const material of linked) {
		const rendered = renderTrainerMaterial(material.id);
		if (!rendered) continue;
		guidance.push({
			title: material.title,
			url: trainerMaterialUrl(material.id),
			html: rendered.html
		});
	}
	return guidance;
}

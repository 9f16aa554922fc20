import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	directoryUrl,
	getProfile,
	leaveNetwork,
	moderatedCourseIds,
	networksOf,
	rejoinNetwork
} from '$lib/server/alumni';
import { requireUser } from '$lib/server/auth/guards';
import { getCourse } from '$lib/server/content';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const courseTitle = (courseId: string) => getCourse(courseId)?.title ?? courseId;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		networks: networksOf(user.id).map((network) => ({
			courseId: network.courseId,
			title: courseTitle(network.courseId),
			member: network.member,
			url: directoryUrl(network.courseId)
		})),
		staffNetworks: moderatedCourseIds(user).map((courseId) => ({
			courseId,
			title: courseTitle(courseId),
			url: directoryUrl(courseId)
		})),
		visible: getProfile(user.id).visible
	};
};

/** The course of the form, if it is one of the person's networks (left or not). */
async function networkOfForm(event: RequestEvent) {
	const user = requireUser(event);
	const courseId = String((await event.request.formData()).get('courseId') ?? '');
	const known = networksOf(user.id).some((network) => network.courseId === courseId);
	return { user, courseId: known ? courseId : null };
}

export const actions: Actions = {
	austreten: async (event) => {
		const { user, courseId } = await networkOfForm(event);
		if (!courseId) return fail(400, { error: m.alumni_error_network() });
		leaveNetwork(user.id, courseId);
		return { done: m.alumni_left_done({ course: courseTitle(courseId) }) };
	},
	beitreten: async (event) => {
		const { user, courseId } = await networkOfForm(event);
		if (!courseId) return fail(400, { error: m.alumni_error_network() });
		rejoinNetwork(user.id, courseId);
		return { done: m.alumni_rejoined_done({ course: courseTitle(courseId) }) };
	}
};

// Alumni networks: one door for the routes and for other features.
export { alumniRoleOf, hasAlumniPage, moderatedCourseIds, type AlumniRole } from './access';
export {
	directoryChoices,
	directoryEntry,
	listDirectory,
	DIRECTORY_PAGE_SIZE,
	type DirectoryFilter
} from './directory';
export { requireAlumniNetwork } from './guard';
export {
	alumniUserIds,
	isAlumnus,
	leaveNetwork,
	networksOf,
	rejoinNetwork,
	type Network
} from './membership';
export { alumniUrl, directoryUrl, notifyNetworkJoined } from './notify';
export { EMPTY_PROFILE, getProfile, saveProfile, type AlumniProfile } from './profile';
export {
	ENTRY_MAX,
	LIST_MAX_ENTRIES,
	ORGANISATION_MAX,
	profileSchema,
	type ProfileInput
} from './profile-form';

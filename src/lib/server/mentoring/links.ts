export const MENTORING_URL = '/mentoring';
export const MATCHING_URL = '/mentoring/vermittlung';
export const pairUrl = (pairId: string) => `/mentoring/${pairId}`;

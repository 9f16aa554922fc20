export const eventUrl = (id: string) => `/veranstaltungen/${id}`;
export const manageEventUrl = (id: string) => `/trainer/veranstaltungen/${id}`;

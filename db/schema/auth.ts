export const user = {} as never; export const organization = {} as never;

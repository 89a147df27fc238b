/** Branded primitive types: a `QueueId` is a string that cannot be passed where a `UserId` is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type InstanceId = Brand<string, 'InstanceId'>;
export type ContactId = Brand<string, 'ContactId'>;

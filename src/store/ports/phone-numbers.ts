// Filled in by the piece that owns this resource.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PhoneNumberRepo {}

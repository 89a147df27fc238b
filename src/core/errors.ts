/**
 * Domain failures: one error type whose code is the Amazon Connect exception name. Expected flow outcomes are
 * values, not errors. The api piece maps codes to HTTP statuses in one place.
 */
export type ConnectErrorCode =
  | 'AccessDeniedException'
  | 'ContactFlowNotPublishedException'
  | 'ContactNotFoundException'
  | 'DuplicateResourceException'
  | 'IdempotencyException'
  | 'InternalServiceException'
  | 'InvalidContactFlowException'
  | 'InvalidContactFlowModuleException'
  | 'InvalidParameterException'
  | 'InvalidRequestException'
  | 'LimitExceededException'
  | 'PropertyValidationException'
  | 'ResourceConflictException'
  | 'ResourceInUseException'
  | 'ResourceNotFoundException'
  | 'ServiceQuotaExceededException'
  | 'ThrottlingException'
  | 'UnsupportedOperationException';

export type PropertyValidationReason =
  | 'INVALID_FORMAT'
  | 'UNIQUE_CONSTRAINT_VIOLATED'
  | 'REFERENCED_RESOURCE_NOT_FOUND'
  | 'RESOURCE_NAME_ALREADY_EXISTS'
  | 'REQUIRED_PROPERTY_MISSING'
  | 'NOT_SUPPORTED'
  | 'TYPE_MISMATCH';

export interface PropertyValidationProblem {
  PropertyPath: string;
  Reason: PropertyValidationReason;
  Message: string;
}

export interface ConnectErrorDetails {
  /** The ids the failure is about, e.g. `{ QueueId: '...' }`. */
  ids?: Record<string, string>;
  /** PropertyValidationException's members. */
  propertyList?: PropertyValidationProblem[];
  /** InvalidContactFlowException's members. */
  problems?: { message: string }[];
  /** ServiceQuotaExceededException / InvalidRequestException reason. */
  reason?: unknown;
  /** ResourceInUseException's members. */
  resourceType?: string;
  resourceId?: string;
}

export class ConnectError extends Error {
  override readonly name = 'ConnectError';

  constructor(
    readonly code: ConnectErrorCode,
    message: string,
    readonly details: ConnectErrorDetails = {},
  ) {
    super(message);
  }
}

export function isConnectError(e: unknown): e is ConnectError {
  return e instanceof ConnectError;
}

export const notFound = (what: string, id: string, idName = 'Id'): ConnectError =>
  new ConnectError('ResourceNotFoundException', `${what} not found: ${id}`, { ids: { [idName]: id } });

export const invalidParameter = (field: string, problem: string): ConnectError =>
  new ConnectError('InvalidParameterException', `${field}: ${problem}`);

export const invalidRequest = (message: string, ids?: Record<string, string>): ConnectError =>
  new ConnectError('InvalidRequestException', message, ids ? { ids } : {});

export const duplicate = (what: string, name: string): ConnectError =>
  new ConnectError('DuplicateResourceException', `${what} with the name '${name}' already exists`, {
    ids: { Name: name },
  });

export const inUse = (what: string, id: string, usedBy: string): ConnectError =>
  new ConnectError('ResourceInUseException', `${what} ${id} is in use by ${usedBy}`, {
    resourceType: what,
    resourceId: id,
  });

export const limitExceeded = (message: string): ConnectError =>
  new ConnectError('LimitExceededException', message);

export const accessDenied = (message: string): ConnectError =>
  new ConnectError('AccessDeniedException', message);

export const propertyValidation = (problems: PropertyValidationProblem[]): ConnectError =>
  new ConnectError(
    'PropertyValidationException',
    problems.map((p) => `${p.PropertyPath}: ${p.Message}`).join('; '),
    { propertyList: problems },
  );

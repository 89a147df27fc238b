/**
 * Amazon Connect's quotas (../shared/reference/quotas.md) as Tsunagi's defaults. Each is a setting:
 * an operator may raise or lower it in the configuration.
 */
export interface Limits {
  queuesPerInstance: number;
  routingProfilesPerInstance: number;
  queueConfigsPerRoutingProfile: number;
  usersPerInstance: number;
  securityProfilesPerInstance: number;
  securityProfilesPerUser: number;
  agentStatusesPerInstance: number;
  hoursOfOperationPerInstance: number;
  quickConnectsPerInstance: number;
  quickConnectsPerQueue: number;
  flowsPerInstance: number;
  flowModulesPerInstance: number;
  phoneNumbersPerInstance: number;
  taskTemplatesPerInstance: number;
  fieldsPerTaskTemplate: number;
  /** How far ahead a task may be scheduled, in ms (6 days, as StartTaskContact documents). */
  scheduleHorizonMs: number;
  /** How long a task lives before it expires, in ms (7 days). */
  taskExpiryMs: number;
  taskConcurrencyMax: number;
  transfersPerTask: number;
  reschedulesPerTask: number;
  linkedTasksPerContact: number;
  activeTasksPerInstance: number;
  /** How long an offered contact waits for the agent to accept it before it goes back to its queue, in ms. */
  offerTimeoutMs: number;
  /** Web-phone calls going on at once (anyone may dial the web phone): more are refused with 429. */
  webPhoneCallsAtOnce: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  queuesPerInstance: 100,
  routingProfilesPerInstance: 500,
  queueConfigsPerRoutingProfile: 50,
  usersPerInstance: 500,
  securityProfilesPerInstance: 100,
  securityProfilesPerUser: 10,
  agentStatusesPerInstance: 50,
  hoursOfOperationPerInstance: 100,
  quickConnectsPerInstance: 100,
  quickConnectsPerQueue: 700,
  flowsPerInstance: 100,
  flowModulesPerInstance: 200,
  phoneNumbersPerInstance: 5,
  taskTemplatesPerInstance: 50,
  fieldsPerTaskTemplate: 50,
  scheduleHorizonMs: 6 * 24 * 3600 * 1000,
  taskExpiryMs: 7 * 24 * 3600 * 1000,
  taskConcurrencyMax: 10,
  transfersPerTask: 11,
  reschedulesPerTask: 20,
  linkedTasksPerContact: 12,
  activeTasksPerInstance: 2500,
  offerTimeoutMs: 20_000,
  webPhoneCallsAtOnce: 1000,
};

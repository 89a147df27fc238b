import type { Page, Tags } from './common.js';

export type Weekday = 'SUNDAY' | 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY';

export interface HoursOfOperationTimeSlice {
  Hours: number;
  Minutes: number;
}

export interface HoursOfOperationConfig {
  Day: Weekday;
  StartTime: HoursOfOperationTimeSlice;
  EndTime: HoursOfOperationTimeSlice;
}

export interface HoursOfOperation {
  InstanceId: string;
  HoursOfOperationId: string;
  HoursOfOperationArn: string;
  Name: string;
  Description?: string;
  TimeZone: string;
  Config: HoursOfOperationConfig[];
  Tags: Tags;
  LastModifiedTime: number;
}

export interface HoursOfOperationRepo {
  insert(h: HoursOfOperation): Promise<void>;
  update(h: HoursOfOperation): Promise<void>;
  get(instanceId: string, id: string): Promise<HoursOfOperation | undefined>;
  findByName(instanceId: string, name: string): Promise<HoursOfOperation | undefined>;
  list(instanceId: string, page: Page): Promise<HoursOfOperation[]>;
  count(instanceId: string): Promise<number>;
  delete(instanceId: string, id: string): Promise<boolean>;
  /** Ids of queues that use these hours. */
  usedByQueues(instanceId: string, id: string): Promise<string[]>;
}

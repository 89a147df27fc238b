/**
 * GetRealtimeMetrics, the console's own operation behind the real-time page (docs/API.md, "Console API"): per
 * queue the contacts waiting and the agents serving it, and the scheduled tasks not yet delivered. Needs
 * `AccessMetrics.RealTimeMetrics.Access`.
 */
import { consoleCall } from './console.js';

export interface QueueFigures {
  QueueId: string;
  Name: string;
  ContactsInQueue: number;
  OldestContactAgeSeconds: number;
  AgentsOnline: number;
  AgentsAvailable: number;
  AgentsOnContact: number;
  AgentsStaffed: number;
  /** Scheduled tasks whose queue is already known (most learn it only when delivered). */
  ScheduledTasks: number;
}

export interface RealtimeMetrics {
  /** The server's time of the figures (epoch ms). */
  Timestamp: number;
  /** Every scheduled task not yet delivered, whatever its queue. */
  ScheduledTasks: number;
  Queues: QueueFigures[];
}

export const getRealtimeMetrics = () => consoleCall<RealtimeMetrics>('GetRealtimeMetrics');

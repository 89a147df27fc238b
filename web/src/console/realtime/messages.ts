/** The real-time page's words in English and Japanese. */
import { pageMessages } from '../../i18n/console-messages.js';

const en = {
  refresh: 'Refresh',
  lastUpdated: 'Last updated {time}.',
  every: 'Updated every {seconds} seconds while this page is visible.',
  failed: 'The real-time figures could not be read: {message}',
  denied: 'You may not see real-time metrics: {message}',
  retry: 'Trying again in {seconds} s.',
  queues: 'Queues',
  noQueues: 'There are no queues.',
  queue: 'Queue',
  waiting: 'Contacts waiting',
  oldest: 'Oldest waiting',
  available: 'Agents available',
  onContact: 'Agents on contact',
  online: 'Agents online',
  staffed: 'Agents staffed',
  scheduled: 'Scheduled tasks',
  scheduledTotal: 'Scheduled tasks not yet delivered, all queues: {count}',
  scheduledNote:
    "Most scheduled tasks learn their queue only when they are delivered (their flow chooses it), so a queue's column counts only the scheduled tasks whose queue is already known.",
  charts: 'The last 10 minutes',
  chartOf: 'Chart',
  allQueues: 'All queues',
  chartLabel:
    '{queue}: {waiting} contacts waiting and {available} agents available at {time}; {count} samples since {from}.',
  asTable: 'The figures as a table',
  time: 'Time',
} as const;

type Key = keyof typeof en;

const ja: Record<Key, string> = {
  refresh: '更新',
  lastUpdated: '最終更新 {time}。',
  every: 'このページが表示されている間、{seconds} 秒ごとに更新します。',
  failed: 'リアルタイムの数値を読み込めませんでした: {message}',
  denied: 'リアルタイムメトリクスを見る権限がありません: {message}',
  retry: '{seconds} 秒後にもう一度試します。',
  queues: 'キュー',
  noQueues: 'キューはありません。',
  queue: 'キュー',
  waiting: '待機中のコンタクト',
  oldest: '最長待ち時間',
  available: '対応可能なエージェント',
  onContact: '対応中のエージェント',
  online: 'オンラインのエージェント',
  staffed: '稼働中のエージェント',
  scheduled: 'スケジュール済みタスク',
  scheduledTotal: '未配信のスケジュール済みタスク (全キュー): {count}',
  scheduledNote:
    'スケジュール済みタスクの多くは、配信されたときに (フローによって) キューが決まります。そのため各キューの列は、キューがすでに決まっているタスクだけを数えます。',
  charts: '直近 10 分間',
  chartOf: 'グラフ',
  allQueues: 'すべてのキュー',
  chartLabel:
    '{queue}: {time} 時点で待機中のコンタクト {waiting} 件、対応可能なエージェント {available} 人。{from} からのサンプル {count} 件。',
  asTable: '数値を表で見る',
  time: '時刻',
};

export const useRealtimeT = pageMessages(en, ja);

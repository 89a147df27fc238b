/** The phone numbers section's words, in English and Japanese. */
import { pageMessages } from '../../i18n/console-messages.js';

const en = {
  'numbers.claim': 'Claim a number',
  'numbers.number': 'Phone number',
  'numbers.numberHelp': 'In international format, like +81312345678.',
  'numbers.description': 'Description (optional)',
  'numbers.claimSubmit': 'Claim',
  'numbers.claiming': 'Claiming…',
  'numbers.claimed': 'Claimed {number}.',
  'numbers.needNumber': 'Enter the number to claim.',
  'numbers.none': 'No phone numbers yet.',
  'numbers.type': 'Type',
  'numbers.country': 'Country',
  'numbers.numberDescription': 'Description',
  'numbers.flow': 'Inbound flow',
  'numbers.noFlow': 'None: calls to it are not answered',
  'numbers.unknownFlow': 'Flow {id}',
  'numbers.bindTo': 'Inbound flow for {number}',
  'numbers.chooseFlow': 'Choose a flow',
  'numbers.bind': 'Bind',
  'numbers.bindNamed': 'Bind {number} to the chosen flow',
  'numbers.bound': '{number} now runs {flow}.',
  'numbers.noInbound': 'There is no inbound flow to bind yet: import one in Flows.',
  'ntype.DID': 'Direct (DID)',
  'ntype.TOLL_FREE': 'Toll free',
  'ntype.UIFN': 'International toll free (UIFN)',
  'ntype.SHARED': 'Shared',
  'ntype.THIRD_PARTY_TF': 'Third-party toll free',
  'ntype.THIRD_PARTY_DID': 'Third-party DID',
  'ntype.SHORT_CODE': 'Short code',
} as const;

export type NumbersKey = keyof typeof en;

const ja: Record<NumbersKey, string> = {
  'numbers.claim': '番号を取得',
  'numbers.number': '電話番号',
  'numbers.numberHelp': '国際形式で入力します (例: +81312345678)。',
  'numbers.description': '説明 (任意)',
  'numbers.claimSubmit': '取得',
  'numbers.claiming': '取得中…',
  'numbers.claimed': '{number} を取得しました。',
  'numbers.needNumber': '取得する番号を入力してください。',
  'numbers.none': '電話番号はまだありません。',
  'numbers.type': '種類',
  'numbers.country': '国',
  'numbers.numberDescription': '説明',
  'numbers.flow': 'インバウンドフロー',
  'numbers.noFlow': 'なし: この番号への着信には応答しません',
  'numbers.unknownFlow': 'フロー {id}',
  'numbers.bindTo': '{number} のインバウンドフロー',
  'numbers.chooseFlow': 'フローを選択',
  'numbers.bind': '割り当て',
  'numbers.bindNamed': '{number} に選んだフローを割り当て',
  'numbers.bound': '{number} は {flow} を実行します。',
  'numbers.noInbound':
    '割り当てられるインバウンドフローがまだありません。「フロー」でインポートしてください。',
  'ntype.DID': '直通番号 (DID)',
  'ntype.TOLL_FREE': 'フリーダイヤル',
  'ntype.UIFN': '国際フリーダイヤル (UIFN)',
  'ntype.SHARED': '共有',
  'ntype.THIRD_PARTY_TF': 'サードパーティのフリーダイヤル',
  'ntype.THIRD_PARTY_DID': 'サードパーティの DID',
  'ntype.SHORT_CODE': '短縮番号',
};

export const useNumbersT = pageMessages(en, ja);

/** The words for a number type the server sent, or the type itself. */
export function numberTypeKey(type: string): NumbersKey | undefined {
  const key = `ntype.${type}`;
  return key in en ? (key as NumbersKey) : undefined;
}

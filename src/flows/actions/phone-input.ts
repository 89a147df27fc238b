/**
 * Phone numbers typed on a keypad (Store customer input with phone number validation). `Local` numbers are
 * read in the country's national format; `E164` numbers are typed with their country code, without the `+`.
 * Returns the number in E.164, or undefined when it is not a valid number.
 */
interface Country {
  code: string;
  /** Digits of a national significant number. */
  lengths: readonly number[];
  /** Whether numbers are dialled with a leading trunk 0 nationally. */
  trunkZero: boolean;
}

const COUNTRIES: Record<string, Country> = {
  US: { code: '1', lengths: [10], trunkZero: false },
  CA: { code: '1', lengths: [10], trunkZero: false },
  JP: { code: '81', lengths: [9, 10], trunkZero: true },
  GB: { code: '44', lengths: [9, 10], trunkZero: true },
  FR: { code: '33', lengths: [9], trunkZero: true },
  DE: { code: '49', lengths: [6, 7, 8, 9, 10, 11], trunkZero: true },
  AU: { code: '61', lengths: [9], trunkZero: true },
  NZ: { code: '64', lengths: [8, 9, 10], trunkZero: true },
  IN: { code: '91', lengths: [10], trunkZero: true },
  ES: { code: '34', lengths: [9], trunkZero: false },
  IT: { code: '39', lengths: [6, 7, 8, 9, 10, 11], trunkZero: false },
  KR: { code: '82', lengths: [8, 9, 10], trunkZero: true },
  SG: { code: '65', lengths: [8], trunkZero: false },
  BR: { code: '55', lengths: [10, 11], trunkZero: true },
  MX: { code: '52', lengths: [10], trunkZero: false },
};

export function validatePhoneInput(digits: string, format: string, countryCode: string): string | undefined {
  if (!/^\d+$/.test(digits)) return undefined;
  if (format.toUpperCase() === 'E164') return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
  const country = COUNTRIES[countryCode.toUpperCase()];
  if (!country) return undefined;
  let national = digits;
  if (country.trunkZero && national.startsWith('0')) national = national.slice(1);
  else if (country.code === '1' && national.length === 11 && national.startsWith('1'))
    national = national.slice(1);
  if (!country.lengths.includes(national.length) || national.startsWith('0')) return undefined;
  return `+${country.code}${national}`;
}

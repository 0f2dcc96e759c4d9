/**
 * Vocabulary for one-time-code field detection. Regexes run on text normalised by {@link normalize}
 * (camelCase split, separators turned into spaces, lower case), so `twoFactorCode`, `two_factor-code`
 * and "Two-factor code" all read `two factor code`.
 * @see docs/research/otp-field-heuristics.md (signal checklist and known false positives)
 */

/**
 * NFKC first (full-width "２段階" and half-width katakana become ordinary text), then split camelCase
 * and turn `_ - [ ] . / :` into spaces, then lower-case.
 * @see https://unicode.org/reports/tr15/ (NFKC)
 */
export function normalize(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-[\].:/\\|()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// Words that name the whole second-factor step. They also appear on backup-code steps, so they
// show "this page is about 2FA" but not which secret the field wants.
// German, French, Spanish, Portuguese and Italian names of the step follow the English ones.
const UMBRELLA = [
  String.raw`\b(?:mfa|2fa|tfa|twofa|two ?fa|2 ?step|two ?step|2 ?factor|two ?factor|second ?factor|multi ?factor|otp|totp|oath)`,
  String.raw`\b(?:mehrstufig|zwei ?(?:faktor|stufig|schritt)|deux (?:étapes|facteurs)|double authentification|dos (?:pasos|factores)|doble factor|duas etapas|dois fatores|due (?:fattori|passaggi))`,
  '2段階認証|二段階認証|2要素認証|二要素認証|多要素認証|本人確認|ログイン認証',
].join('|');

/** Terms that name a one-time code from an app/SMS/e-mail specifically (used for `otp` vs `backup`). */
export const OTP_SPECIFIC = new RegExp(
  [
    String.raw`\b(?:otp|totp|hotp|otc|oath|vcode|wfls token|approvals? code)\b`,
    String.raw`\bone ?time ?(?:code|pass(?:word|code)?|pw|pin|token)`,
    String.raw`\bauthenticator\b|\b(?:code )?generator app\b|\bauthentication app\b`,
    String.raw`\b(?:auth(?:entication)?|verif(?:y|ication)?|security|sign ?in|login|access|sms|email|e mail) ?code`,
    String.raw`\bauthcode|\bpasscode|\b(?:mfa|2fa|tfa|twofa|two ?fa|2 ?step|two ?step|2 ?factor|two ?factor|second ?factor|multi ?factor) ?(?:code|token|pin|pass|passcode|key)`,
    String.raw`\bauth\b`,
    // "Enter the 6-digit code", "we texted you a code": how sites describe a code they sent or an app shows.
    String.raw`\b[4-8] ?(?:digit|character|char) (?:code|verification|security|passcode)`,
    String.raw`\b(?:texted|emailed|sent) (?:you |to you |a |the |an )*(?:[4-8] ?digit |new |one ?time |verification |login )?(?:code|pin|passcode)\b`,
    String.raw`\bcode (?:that )?(?:we(?: ve| have)? |was |has been )?(?:just )?(?:sent|emailed|texted|e mailed)\b`,
    String.raw`\bcode (?:from|in) (?:the |your |our )?(?:e ?mail|message|sms|text|app)\b`,
    // The same, in German, French, Spanish, Portuguese and Italian.
    String.raw`\b(?:bestätigungs|verifizierungs|authentifizierungs|anmelde|einmal)(?:code|passwort)|\bauthenticator ?app`,
    String.raw`\bcode (?:de (?:vérification|validation|connexion|confirmation)|d'authentification|à usage unique)|\bapplication d'authentification`,
    String.raw`\bc[óo]digo (?:de )?(?:verificaci[óo]n|verifica[çc][ãa]o|autenticaci[óo]n|autentica[çc][ãa]o|confirmaci[óo]n|acceso|acesso|un solo uso)|\bcodice (?:di )?(?:verifica|autenticazione)`,
    String.raw`\baplica(?:ci[óo]n|[çc][ãa]o) (?:de )?autentica|\bapp di autenticazione`,
    'ワンタイム|確認コード|認証コード|認証番号|確認番号|認証キー|ログインコード|セキュリティコード|検証コード|認証アプリ|验证码|動態密碼|인증',
  ].join('|'),
);

/** Any 2FA wording: the umbrella step names plus the specific code names. */
export const MFA_ANY = new RegExp(`${UMBRELLA}|${OTP_SPECIFIC.source}`);

/** Backup / recovery / scratch codes: a different secret from the TOTP ("account recovery" is not one). */
export const BACKUP =
  /\b(?:backup|(?<!(?:account|password|passphrase|access) )recovery|recovery(?= (?:codes?|keys?|tokens?)\b)|scratch|emergency|static ?(?:token|code))\b|\b(?:wiederherstellungs|notfall|sicherungs|backup )code|\bcodes? de (?:secours|récupération)|\bc[óo]digos? de (?:respaldo|recupera\S+|backup)|\bcodici? di (?:backup|recupero)|バックアップ|リカバリ|予備コード|救済/;

/**
 * A backup word that qualifies a code noun ("backup security code", "recovery verification code",
 * "バックアップ用セキュリティコード"): the phrase names one backup code, even though its tail reads like
 * a one-time-code name.
 */
export const BACKUP_PHRASE =
  /\b(?:backup|recovery|scratch|emergency|spare)(?: \S+){0,2}? (?:codes?|tokens?|keys?|pins?|pass(?:words?|codes?)?)\b|(?:バックアップ|リカバリ|予備)\S{0,10}?(?:コード|番号|キー|パスワード)/g;

/** "Authentication or backup code": a field that takes either secret (no vote for backup). */
export const EITHER =
  /\b(?:auth\w*|verif\w*|security|2fa|mfa|totp|otp|app|sms|one ?time) (?:codes? )?(?:or|and) (?:an? |your )?(?:backup|recovery|scratch)\b/;

/** Generic words a code field carries; weak on their own. */
export const WEAK = /\b(?:code|token|pin|challenge|verification|verify|key)\b|コード|番号/;

/** Words that mark a field as something else; a hit costs more than a weak hit earns. */
export const NEGATIVE = new RegExp(
  [
    String.raw`\b(?:postal|zip|post ?code|postcode|pin ?code|pincode|plz)\b`,
    String.raw`\b(?:cc|card|credit|debit|cvc|cvv|cvv2|csc|cid|expir\w*|exp ?date|iban|account ?number|routing)\b`,
    String.raw`\b(?:coupon|promo|promotion|gift|voucher|discount|invite|invitation|referral|redeem)\b`,
    String.raw`\b(?:search|query|captcha|recaptcha|hcaptcha|error|comment|author|encode|decode|subject|message)\b`,
    String.raw`\b(?:amount|price|qty|quantity|date|birth|birthday|dob|year|month|day|age)\b`,
    String.raw`\b(?:user ?name|user ?id|login ?id|nick ?name|first ?name|last ?name|full ?name|device ?name|name|address|city|street|country|company)\b`,
    String.raw`\b(?:sim|puk|ssn|tax|vat|isbn|sku|tracking|order|booking|reservation|pnr|ticket|member ?(?:number|id))\b`,
    String.raw`\b(?:door|gate|building|entrance|alarm|garage|lockbox|key ?safe|sort|product|item|article|promo|discount|activation|device|tv|pairing) ?(?:access |entry )?code`,
    '郵便|暗証番号|クーポン|カード|有効期限|検索|住所|氏名|名前|デバイス名|生年月日|金額|予約|招待|紹介|ギフト|プロモ|会員番号|注文|口座|数量|日付|画像|キャプチャ',
  ].join('|'),
);

/** A PIN the user chose (bank, card, device): a secret we never fill, unless 2FA wording says otherwise. */
export const PIN = /\bpin\b|暗証/;

/** Wording of a PIN the user sets or repeats ("Create a 6-digit PIN", "Confirm PIN"): never a code. */
export const CHOSEN_PIN =
  /\b(?:create|choose|new|set|change|reset|confirm|re ?enter|repeat|forgot(?:ten)?) (?:a |an |your |the )?(?:\S+ )?(?:digit )?pin\b|暗証番号/;

/** A label that names one box's place in a split code ("Digit 1 of 6", "Character 3", "2桁目"). */
export const POSITION_LABEL =
  /\b(?:digit|character|char|ziffer|zeichen|chiffre|caractère|d[íi]gito|car[áa]cter|cifra|carattere) ?#?\d\b|\b\d(?:st|nd|rd|th) (?:digit|character)\b|\d ?(?:桁目|文字目)/;

/** Two generic words that together name a verification code ("Verification" + "Enter code"). */
export const VERIFY_WORD =
  /\b(?:verif\w*|authenticat\w*|confirm\w*|security|login|sign ?in|bestätig\S*|vérif\S*|verifica\S*|autentica\S*|authentifi\S*)|認証|確認/;
export const CODE_WORD = /\b(?:code|token|passcode|c[óo]digo|codice)\b|コード|番号/;

/**
 * Other fields of a payment or address form: there, "security code" and a 3–4 digit box mean the
 * card's CVC, and "access code" the door code for the courier.
 */
export const CARD_FORM =
  /\b(?:card ?(?:number|no|holder)|cc ?(?:number|num|name|exp\w*)|name on card|expir\w*|exp ?(?:date|month|year)|cvc|cvv|csc)\b|カード番号|カード名義|有効期限|\b(?:street|address ?(?:line|level) ?\d?|postal ?code|post ?code|zip ?code|city)\b|住所|番地|市区町村/;

/** Phone / e-mail wording: negative only when the field does not also talk about a code. */
export const CONTACT =
  /\b(?:phone|mobile|cell|tel|telephone|fax|e ?mail|mail)\b|電話|携帯番号|メールアドレス/;

/** Non-empty autocomplete tokens other than one-time-code that name a different field. */
export const OTHER_AUTOCOMPLETE =
  /\b(?:name|honorific-\w+|given-name|additional-name|family-name|nickname|username|new-password|current-password|email|tel[\w-]*|organization[\w-]*|street-address|address-[\w-]+|country[\w-]*|postal-code|cc-[\w-]+|transaction-[\w-]+|language|bday[\w-]*|sex|url|photo|impp|webauthn)\b/;

/** Input types that can hold a code typed by hand. */
export const CODE_TYPES = new Set(['text', 'tel', 'number', '']);

/** Patterns that only accept digits (and maybe spaces), e.g. `[0-9]*`, `\d{6}`. */
export const DIGIT_PATTERN = /^\^?(?:\[(?:0-9|\\d)[ \\s]*\]|\\d)(?:[*+]|\{\d+(?:,\d*)?\})?\$?$/;

/** Patterns that accept letters (a backup or alphanumeric code rather than a TOTP). */
export const ALPHA_PATTERN = /a-z|A-Z|\\w|\[\^/;

/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CR/LF/CRLF line ends, and line
 * breaks inside quotes. Enough for password-manager exports; no delimiter guessing.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */

/**
 * Splits CSV text into rows of fields. An unterminated quote runs to the end of the text
 * (as spreadsheet apps do); empty lines are dropped.
 * @see https://www.rfc-editor.org/rfc/rfc4180#section-2
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

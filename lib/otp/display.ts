/**
 * "Issuer (label)", or whichever of the two exists: how an account is named in text, accessible
 * names and file names, on every page.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#label
 */
export function displayName(issuer: string, label: string): string {
  if (issuer && label) return `${issuer} (${label})`;
  return issuer || label;
}

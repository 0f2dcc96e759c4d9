// `web-ext lint` (Mozilla's addons-linter, the checks addons.mozilla.org runs on upload) on the
// Firefox build. Called through web-ext's API rather than its command line: the command line also
// asks the npm registry whether a newer web-ext exists; the linter itself runs offline.
import { cmd } from 'web-ext';

/**
 * Lints the unpacked extension in `dir`, prints one line per finding, and returns the counts.
 * Errors block signing on addons.mozilla.org; warnings and notices are printed to be explained.
 * @param {string} dir
 * @returns {Promise<{ errors: number, warnings: number, notices: number }>}
 * @see https://extensionworkshop.com/documentation/develop/web-ext-command-reference/#web-ext-lint
 */
export async function lintFirefox(dir) {
  const report = await cmd.lint({ sourceDir: dir, output: 'none' }, { shouldExitProgram: false });
  const lines = ['errors', 'warnings', 'notices'].flatMap((kind) =>
    report[kind].map((m) => {
      const where = m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}` : '';
      return `  ${kind.slice(0, -1)} ${m.code}${where}: ${m.message}\n    ${m.description ?? ''}`;
    }),
  );
  const { errors, warnings, notices } = report.summary;
  console.log(
    `web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices\n${lines.join('\n')}`,
  );
  return { errors, warnings, notices };
}

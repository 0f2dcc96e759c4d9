import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface ImportSourcesProps {
  busy: boolean;
  onFiles(files: File[]): void;
  onText(text: string): void;
  onCapture(): void;
}

/** True when the paste lands in a field, where the browser's own paste must win. */
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Where accounts come from: a file picker (QR images or other apps' exports, several at once),
 * a drop zone, Ctrl+V anywhere on the page (an image or text), and a capture of the current tab.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Element/paste_event
 */
export function ImportSources(p: ImportSourcesProps) {
  const t = useT();
  const [over, setOver] = useState(false);
  const { onFiles, onText } = p;

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || !e.clipboardData) return;
      const files = [...e.clipboardData.files];
      const text = e.clipboardData.getData('text/plain');
      if (files.length > 0) onFiles(files);
      else if (text.trim()) onText(text);
      else return;
      e.preventDefault();
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onFiles, onText]);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dt = e.dataTransfer;
    if (!dt) return;
    const files = [...dt.files];
    if (files.length > 0) onFiles(files);
    else {
      const text = dt.getData('text/plain');
      if (text.trim()) onText(text);
    }
  };

  return (
    <div class="card">
      <h3>{t('options_import_sources')}</h3>
      <fieldset
        class={`dropzone${over ? ' over' : ''}`}
        aria-label={t('options_import_dropzone')}
        aria-describedby="import-drop-hint"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p id="import-drop-hint">{t('options_import_drop_hint')}</p>
        <label class="button" for="import-files">
          {t('options_import_choose')}
        </label>
        <input
          id="import-files"
          class="visually-hidden-file"
          type="file"
          multiple
          disabled={p.busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const files = [...(input.files ?? [])];
            input.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </fieldset>
      <p class="hint">{t('options_import_paste_hint')}</p>
      <button type="button" disabled={p.busy} onClick={p.onCapture}>
        {t('options_import_capture')}
      </button>
      <p class="hint">{t('options_import_capture_hint')}</p>
    </div>
  );
}

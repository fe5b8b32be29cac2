const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML body; every value placed in a template goes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Tagged template for letter HTML: every interpolated value is escaped unless it is itself
 * `html`-built (a SafeHtml), so a template cannot forget to escape a name or a title.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = string | number | SafeHtml | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value as string | number));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/** The letter's frame: one look for every Orientir mail (inline styles: mail clients drop <style>). */
export function letterHtml(body: SafeHtml, footer: SafeHtml): string {
  return html`<!doctype html>
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
      </head>
      <body style="margin:0;padding:0;background:#f4f5f7">
        <div
          style="max-width:640px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;background:#ffffff"
        >
          ${body}
          <hr style="border:none;border-top:1px solid #e3e5e8;margin:24px 0 12px" />
          <div style="color:#6b7280;font-size:12px">${footer}</div>
        </div>
      </body>
    </html>`.value;
}

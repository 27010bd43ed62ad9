import { escapeHtml } from './escape-html';
import type { TRenderedNotification } from './notify.types';

/**
 * What a template produces: structured plain text. Templates never write markup; this layout is the one place that
 * builds HTML, and it escapes every value, so no template can forget to.
 */
export interface TTemplateContent {
  subject: string;
  lead: string;
  facts?: ReadonlyArray<readonly [label: string, value: string]>;
  list?: { title: string; entries: readonly string[] };
  paragraphs?: readonly string[];
  action?: { label: string; url: string };
}

// A CR/LF in a subject would let a stream title inject mail headers.
const singleLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();

export function renderContent(content: TTemplateContent): TRenderedNotification {
  const text: string[] = [content.lead];
  const html: string[] = [`<p>${escapeHtml(content.lead)}</p>`];

  if (content.facts?.length) {
    text.push(content.facts.map(([label, value]) => `${label}: ${value}`).join('\n'));
    const rows = content.facts
      .map(
        ([label, value]) =>
          `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
      )
      .join('');
    html.push(`<table>${rows}</table>`);
  }
  if (content.list?.entries.length) {
    text.push([`${content.list.title}`, ...content.list.entries.map((e) => `- ${e}`)].join('\n'));
    const items = content.list.entries.map((e) => `<li>${escapeHtml(e)}</li>`).join('');
    html.push(`<p>${escapeHtml(content.list.title)}</p><ul>${items}</ul>`);
  }
  for (const paragraph of content.paragraphs ?? []) {
    text.push(paragraph);
    html.push(`<p>${escapeHtml(paragraph)}</p>`);
  }
  if (content.action) {
    text.push(`${content.action.label}: ${content.action.url}`);
    html.push(`<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`);
  }
  return { subject: singleLine(content.subject), text: text.join('\n\n'), html: html.join('\n') };
}

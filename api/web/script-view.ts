import type { TScriptFinding } from '../../domain/compliance/rules.types';
import type { TScriptRevision } from '../../domain/stream/state.types';
import type { TLocale, Translate } from './i18n';
import type { TMessageKey } from './messages';
import { html, type SafeHtml } from './html';

const inLocale = (text: { zh: string; en: string } | undefined, locale: TLocale) =>
  text === undefined ? '' : locale === 'en' ? text.en : text.zh;

function ruleTitle(finding: TScriptFinding, locale: TLocale, t: Translate): string {
  return [
    `${t('finding.rule')}: ${finding.ruleId}`,
    `${t(`category.${finding.category}` as TMessageKey)} · ${t(`severity.${finding.severity}`)}`,
    finding.basis ? `${finding.basis.citation} ${inLocale(finding.basis, locale)}` : '',
  ]
    .filter(Boolean)
    .join(' — ');
}

/**
 * The segment text with each finding marked in place. Offsets and lengths count code points, so the text is split
 * with Array.from (an emoji before a banned term must not shift the mark).
 */
export function highlightSegment(
  text: string,
  findings: readonly TScriptFinding[],
  locale: TLocale,
  t: Translate,
): SafeHtml {
  const chars = Array.from(text);
  const sorted = [...findings].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const parts: SafeHtml[] = [];
  let cursor = 0;
  for (const finding of sorted) {
    // Overlapping hits (two rules on one phrase) are marked once, by the first.
    if (finding.offset < cursor || finding.offset >= chars.length) continue;
    const end = Math.min(chars.length, finding.offset + finding.length);
    parts.push(html`${chars.slice(cursor, finding.offset).join('')}`);
    parts.push(
      html`<mark
        class="sev-${finding.severity}"
        title="${ruleTitle(finding, locale, t)}"
        data-finding="${finding.id}"
        >${chars.slice(finding.offset, end).join('')}</mark
      >`,
    );
    cursor = end;
  }
  parts.push(html`${chars.slice(cursor).join('')}`);
  return html`${parts}`;
}

/** One script revision: each segment with its kind and marked findings, then the list of findings. */
export function scriptRevisionView(
  revision: TScriptRevision,
  locale: TLocale,
  t: Translate,
  /** How people are named (the roster's names); ids as they are when not given. */
  nameOf: (id: string) => string = (id) => id,
): SafeHtml {
  const findings = revision.findings;
  const scanState =
    findings === undefined
      ? html`<p class="muted">${t('script.notScanned')}</p>`
      : findings.length === 0
        ? html`<p class="ok">${t('script.noFindings')}</p>`
        : html`<p class="warn">${t('script.findings', { count: findings.length })}</p>`;
  return html`<div class="script" data-revision="${revision.revision}">
    <p class="meta">
      ${t('script.revision', { revision: revision.revision })} ·
      ${t('script.submittedBy', { who: nameOf(revision.submittedBy) })}${revision.packVersion ? html` · ${t('script.pack', { version: revision.packVersion })}` : ''}
    </p>
    ${scanState}
    <ol class="segments">
      ${revision.segments.map(
        (segment) =>
          html`<li>
            <span class="seg-kind"
              >${t(`segment.${segment.kind}`)}${segment.productSku ? ` · ${segment.productSku}` : ''} ·
              ${t('script.minutes', { minutes: segment.plannedMinutes })}</span
            >
            <p class="seg-text" lang="zh-CN">
              ${highlightSegment(
                segment.text,
                (findings ?? []).filter((f) => f.segmentId === segment.id),
                locale,
                t,
              )}
            </p>
          </li>`,
      )}
    </ol>
    ${
      findings !== undefined &&
      findings.length > 0 &&
      html`<table class="findings">
        <caption>
          ${t('script.findingsTable')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('finding.term')}</th>
            <th scope="col">${t('finding.category')}</th>
            <th scope="col">${t('finding.severity')}</th>
            <th scope="col">${t('finding.basis')}</th>
            <th scope="col">${t('finding.suggestion')}</th>
            <th scope="col">${t('finding.where')}</th>
          </tr>
        </thead>
        <tbody>
          ${findings.map(
            (f) =>
              html`<tr data-finding="${f.id}">
                <td>
                  ${f.segmentId === null ? html`<em>${t('finding.missing')}</em> ` : ''}<mark
                    class="sev-${f.severity}"
                    >${f.term}</mark
                  >
                </td>
                <td>${t(`category.${f.category}` as TMessageKey)}</td>
                <td>${t(`severity.${f.severity}`)}</td>
                <td class="basis">
                  ${f.basis ? html`<strong>${f.basis.citation}</strong><br />${inLocale(f.basis, locale)}` : f.ruleId}
                </td>
                <td>${inLocale(f.suggestion, locale) || '–'}</td>
                <td>${f.segmentId === null ? t('finding.wholeScript') : `${f.segmentId} @ ${f.offset}`}</td>
              </tr>`,
          )}
        </tbody>
      </table>`
    }
  </div>`;
}

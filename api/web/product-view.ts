import { PRODUCT_DOCUMENT_KINDS, type TProduct } from '../../domain/stream/plan.types';
import type { TProductState } from '../../domain/stream/state.types';
import type { Translate } from './i18n';
import { html, type SafeHtml } from './html';

/** A product's documents (issuer, number, expiry) with the checker's problems; expired or missing ones stand out. */
export function productDocumentsView(
  product: TProduct,
  status: TProductState | undefined,
  t: Translate,
  /** How people are named (the roster's names); ids as they are when not given. */
  nameOf: (id: string) => string = (id) => id,
): SafeHtml {
  const problems = status?.problems ?? [];
  const rows = PRODUCT_DOCUMENT_KINDS.map((kind) => {
    const doc = product.documents[kind];
    const docProblems = problems.filter((p) => p.document === kind);
    const bad = docProblems.length > 0;
    return html`<tr class="${bad ? 'doc-bad' : ''}">
      <th scope="row">${t(`doc.${kind}`)}</th>
      <td>${doc?.issuer || '–'}</td>
      <td>${doc?.number || '–'}</td>
      <td>${doc?.expiresOn ? html`<time datetime="${doc.expiresOn}">${doc.expiresOn}</time>` : '–'}</td>
      <td>
        ${
          bad
            ? html`<strong class="bad"
                >${docProblems.map((p) => `${t(`problem.${p.kind}`)}: ${p.detail}`).join('; ')}</strong
              >`
            : status?.checkedAt
              ? html`<span class="ok">${t('doc.valid')}</span>`
              : html`<span class="muted">${t('doc.notChecked')}</span>`
        }
      </td>
    </tr>`;
  });
  const decision = status?.decision;
  return html`<div class="product" data-sku="${product.sku}">
    <p class="meta">
      <strong>${product.name}</strong> · SKU ${product.sku} · ¥${product.price} ·
      ${t('product.stock', { stock: product.stock })}${status?.dropped ? html` · <strong class="bad">${t('product.dropped')}</strong>` : ''}
    </p>
    <table class="docs">
      <caption>
        ${t('product.documents', { sku: product.sku })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('doc.kind')}</th>
          <th scope="col">${t('doc.issuer')}</th>
          <th scope="col">${t('doc.number')}</th>
          <th scope="col">${t('doc.expiresOn')}</th>
          <th scope="col">${t('doc.status')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${decision && html`<p>${t(`decision.${decision.decision}`)} · ${nameOf(decision.decidedBy)}${decision.reason ? ` · ${decision.reason}` : ''}</p>`}
  </div>`;
}

// The company's mail domain on the configuration screen: shown read-only (the operator assigns it), and,
// for administrators, the request of a domain with the DNS TXT record to publish
// (res.company.action_request_alias_domain; `embudo company verify-domains` assigns it once found).
import { h, mount, field, attempt } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';

export async function mailDomain(container, { app }) {
  const [company] = await rpc.read('res.company', [rpc.session.companyId], ['alias_domain']);
  const current = h('input', { id: 'alias-domain', name: 'alias_domain', readonly: true, value: company?.alias_domain || '',
    placeholder: t('No domain assigned yet') });
  const section = h('section', { class: 'panel', id: 'mail-domain', 'aria-labelledby': 'mail-domain-title' },
    h('h2', { id: 'mail-domain-title' }, t('Mail domain')), field(t('Mail domain'), current),
    h('p', { class: 'hint' }, t('Incoming mail to the teams\' aliases and the addresses you send from use this domain. The operator assigns it.')));
  container.append(section);
  if (!app.isAdmin) return;
  const domain = h('input', { name: 'domain', required: true, placeholder: 'example.com', autocomplete: 'off', spellcheck: 'false' });
  const answer = h('div', { id: 'domain-record', 'aria-live': 'polite' });
  const request = h('form', { class: 'inline-form', id: 'domain-request' }, field(t('Request a mail domain'), domain),
    h('button', { type: 'submit', class: 'primary' }, t('Request')));
  request.addEventListener('submit', async (event) => {
    event.preventDefault();
    const record = await attempt(() => rpc.call('res.company', 'action_request_alias_domain', [[rpc.session.companyId], domain.value]));
    if (!record) return;
    mount(answer,
      h('p', {}, t('Publish this DNS record, then ask the operator to check it. The domain is yours once the record is found and no other company holds it.')),
      h('dl', { class: 'dns-record' },
        h('dt', {}, t('Type')), h('dd', {}, record.record_type),
        h('dt', {}, t('Name')), h('dd', {}, h('code', {}, record.record_name)),
        h('dt', {}, t('Value')), h('dd', {}, h('code', {}, record.record_value)),
        h('dt', {}, t('Valid until')), h('dd', {}, `${record.expires} UTC`)));
  });
  section.append(request, answer);
}

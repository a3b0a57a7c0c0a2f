import { useQuery } from '@tanstack/react-query';
import { useListFormat } from '../../../lib/use-list-format';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookInfo } from '../../../../shared/webhooks';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { useErrorText } from '../../../lib/use-error-text';
import { useCreateWebhook, useDeleteWebhook, useResendDelivery, useUpdateWebhook, webhookQueries } from '../api';

/** i18next nests keys at dots: `document.approved` is the key `document_approved`. */
type EventKey = WebhookEvent extends infer E ? (E extends `${infer A}.${infer B}` ? `${A}_${B}` : never) : never;
const eventKey = (e: WebhookEvent) => e.replace('.', '_') as EventKey;

/** /admin/webhooks: register URLs for events, switch them off or delete them, read each one's delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const hooks = useQuery(webhookQueries.list());
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const id = useId();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['document.approved']);
  const [open, setOpen] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { url, secret, events, active: true },
      {
        onSuccess: () => {
          setUrl('');
          setSecret('');
        },
      },
    );
  }

  return (
    <div className="admin-page">
      <h1>{t('webhooks.title')}</h1>
      <p>{t('webhooks.intro')}</p>
      <form onSubmit={submit} aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('webhooks.new')}</h2>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('webhooks.url')}</label>
          <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-secret`}>{t('webhooks.secret')}</label>
          <input
            id={`${id}-secret`}
            required
            minLength={16}
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(ev)}
                onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))}
              />
              {t(`webhooks.event.${eventKey(ev)}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={create.isPending || events.length === 0}>
          {t('webhooks.create')}
        </button>
        {create.isError && <p role="alert">{errorText(create.error)}</p>}
      </form>
      <h2>{t('webhooks.list')}</h2>
      {hooks.isPending ? (
        <p>{tc('state.loading')}</p>
      ) : hooks.isError ? (
        <p role="alert">{errorText(hooks.error)}</p>
      ) : hooks.data.length === 0 ? (
        <p>{t('webhooks.none')}</p>
      ) : (
        <ul className="webhook-list">
          {hooks.data.map((h) => (
            <li key={h.id}>
              <HookSummary hook={h} />
              <button type="button" onClick={() => update.mutate({ id: h.id, body: { active: !h.active } })}>
                {h.active ? t('webhooks.switchOff') : t('webhooks.switchOn')}
              </button>
              <button type="button" aria-expanded={open === h.id} onClick={() => setOpen(open === h.id ? null : h.id)}>
                {t('webhooks.log')}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (window.confirm(t('webhooks.confirmDelete', { url: h.url }))) remove.mutate(h.id);
                }}
              >
                {t('webhooks.delete')}
              </button>
              {open === h.id && <DeliveryLog hookId={h.id} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HookSummary({ hook }: { hook: WebhookInfo }) {
  const { t } = useTranslation('admin');
  const list = useListFormat();
  return (
    <span>
      <code dir="ltr">{hook.url}</code> — {list(hook.events.map((e) => t(`webhooks.event.${eventKey(e)}`)))} —{' '}
      {hook.active ? t('webhooks.active') : t('webhooks.off')}
    </span>
  );
}

function DeliveryLog({ hookId }: { hookId: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const log = useQuery(webhookQueries.deliveries(hookId));
  const resend = useResendDelivery();
  const format = useDateTimeFormat();
  if (log.isPending) return <p>{tc('state.loading')}</p>;
  if (log.isError) return <p role="alert">{errorText(log.error)}</p>;
  if (log.data.length === 0) return <p>{t('webhooks.noDeliveries')}</p>;
  return (
    <table className="doc-table">
      <caption>{t('webhooks.logCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('webhooks.when')}</th>
          <th scope="col">{t('webhooks.eventColumn')}</th>
          <th scope="col">{t('webhooks.status')}</th>
          <th scope="col">{t('webhooks.attempts')}</th>
          <th scope="col">{t('webhooks.answer')}</th>
          <th scope="col">{t('webhooks.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {log.data.map((d) => (
          <tr key={d.id}>
            <td>{format.format(new Date(d.createdAt))}</td>
            <td>{t(`webhooks.event.${eventKey(d.event)}`)}</td>
            <td>{t(`webhooks.deliveryStatus.${d.status}`)}</td>
            <td>{d.attempts}</td>
            <td>{d.lastStatus ?? d.lastError ?? ''}</td>
            <td>
              <button type="button" disabled={resend.isPending} onClick={() => resend.mutate({ hookId, id: d.id })}>
                {t('webhooks.sendAgain')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

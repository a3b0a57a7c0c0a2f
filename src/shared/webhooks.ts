import { z } from 'zod';
import { IsoDateSchema } from './schemas';

/** What a webhook can be told about (README: Webhooks). */
export const WEBHOOK_EVENTS = [
  'document.approved',
  'document.returned',
  'document.reopened',
  'segment.approved',
  'flag.created',
  'flag.settled',
] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body with the hook's secret>`. */
export const SIGNATURE_HEADER = 'x-visavis-signature';

export const WebhookBodySchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) URL'),
  events: z.array(WebhookEventSchema).min(1),
  /** At least 16 characters: it signs every delivery. */
  secret: z.string().min(16).max(200),
  active: z.boolean().default(true),
});
export type WebhookBody = z.infer<typeof WebhookBodySchema>;
export const WebhookPatchSchema = WebhookBodySchema.partial();

/** A hook as the admin page lists it: the secret is never sent back. */
export const WebhookInfoSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSchema),
  active: z.boolean(),
  createdAt: IsoDateSchema,
  createdBy: z.string(),
});
export type WebhookInfo = z.infer<typeof WebhookInfoSchema>;

export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);

export const DeliverySchema = z.object({
  id: z.string(),
  hookId: z.string(),
  event: WebhookEventSchema,
  /** The JSON body sent, as sent. */
  body: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int().min(0),
  createdAt: IsoDateSchema,
  nextAttemptAt: IsoDateSchema.nullable(),
  lastAttemptAt: IsoDateSchema.nullable(),
  /** The receiver's HTTP status of the last attempt, or null (no answer). */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** Deliveries kept per hook (the log); older ones are dropped. */
export const DELIVERY_LOG_SIZE = 100;
/** Attempts before a delivery is marked failed (about a day with the backoff below). */
export const MAX_ATTEMPTS = 12;
/** Seconds to wait after the n-th failed attempt (1-based): 10 s, 20 s, 40 s … capped at 6 h. */
export const backoffSeconds = (attempt: number) => Math.min(6 * 3600, 10 * 2 ** (attempt - 1));
